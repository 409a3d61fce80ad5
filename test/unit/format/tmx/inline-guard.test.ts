import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { guardPlaceholders } from "../../../../src/core/format/tmx/inline-guard.ts";
import { CODE_END, CODE_START } from "../../../../src/core/format/tmx/inline-codes.ts";

const B = `${CODE_START}<bpt i="1">&lt;b&gt;</bpt>${CODE_END}`;
const E = `${CODE_START}<ept i="1">&lt;/b&gt;</ept>${CODE_END}`;

describe("guardPlaceholders", () => {
  const before = `Click ${B}here${E} now`;
  it("accepts edits of the text around placeholders, moving or deleting whole ones", () => {
    expect(guardPlaceholders(before, `Klik ${B}di sini${E} sekarang`, "")).toBe(
      `Klik ${B}di sini${E} sekarang`,
    );
    expect(guardPlaceholders(before, `${B}here${E}: click now`, "")).toBe(
      `${B}here${E}: click now`,
    );
    expect(guardPlaceholders(before, "Click here now", "")).toBe("Click here now");
  });

  it("refuses an edit that cuts into or changes a placeholder", () => {
    const cut = before.replace(`</bpt>${CODE_END}`, "");
    expect(guardPlaceholders(before, cut, "")).toBe(before);
    expect(guardPlaceholders(before, before.replace("&lt;b&gt;", "&lt;i&gt;"), "")).toBe(before);
  });

  it("allows placeholders copied from the source, but not twice more than exist", () => {
    expect(guardPlaceholders("", `${B}x${E}`, `Klik ${B}x${E}`)).toBe(`${B}x${E}`);
    expect(guardPlaceholders("", `${B}${B}`, `${B}`)).toBe("");
  });

  it("text without codes is never refused (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const clean = b.replace(/[\uE000\uE001]/g, "");
        expect(guardPlaceholders(a, clean, "")).toBe(clean);
      }),
    );
  });
});
