import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { exportFileName } from "../../../src/core/format/download-name.ts";
import { isXmlSafe } from "../../../src/core/format/xml/xml-chars.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

describe("exportFileName", () => {
  it("keeps letters of any script and replaces unsafe characters", () => {
    expect(exportFileName("Banjir di Jakarta: hari 2", "tmx")).toBe(
      "Banjir di Jakarta - hari 2.tmx",
    );
    expect(exportFileName("Tổng thống / Phó", ".json")).toBe("Tổng thống - Phó.json");
    expect(exportFileName('a<b>c"d|e?f*g\\h', "tmx")).toBe("a - b - c - d - e - f - g - h.tmx");
  });

  it("falls back for empty, dot-only and Windows device names", () => {
    expect(exportFileName("", "tmx")).toBe("selaras-export.tmx");
    expect(exportFileName(" ... ", "tmx")).toBe("selaras-export.tmx");
    expect(exportFileName("CON", "tmx")).toBe("selaras-export.tmx");
    expect(exportFileName("nul.txt", "tmx", "semua")).toBe("semua.tmx");
  });

  it("normalizes to NFC and limits the length without splitting a character", () => {
    expect(exportFileName("Vie\u0302\u0323t", "tmx")).toBe("Việt.tmx");
    const long = exportFileName("😀".repeat(300), "tmx");
    expect([...long.replace(/\.tmx$/, "")]).toHaveLength(120);
    expect(isXmlSafe(long)).toBe(true); // no lone surrogate from a split emoji
  });

  it("never yields a name with path separators, controls or reserved characters", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.constantFrom("tmx", "json", ".tsv"),
        (title, ext) => {
          const name = exportFileName(title, ext);
          // eslint-disable-next-line no-control-regex
          expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/);
          expect(name.endsWith(`.${ext.replace(".", "")}`)).toBe(true);
          expect(name.startsWith(".")).toBe(false);
          expect(name.length).toBeLessThanOrEqual(250);
        },
      ),
    );
  });
});
