import { describe, expect, it } from "vitest";
import { AppError } from "../../../../src/core/model/app-error.ts";
import { decodeXmlBytes } from "../../../../src/core/format/xml/decode-xml-bytes.ts";
import { parseXml } from "../../../../src/core/format/xml/parse-xml.ts";

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

const parse = (text: string) => parseXml(text, {}, { codePrefix: "x" });

describe("parseXml", () => {
  it("reports a bare & where it is, even deep in a large file", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `<p n="${i}">line ${i}</p>`);
    lines[4000] = "<p>Harga & kenaikan</p>";
    const e = failure(() => parse(`<r>\n${lines.join("\n")}\n</r>`));
    expect(e.code).toBe("x.not-well-formed");
    expect(e.params).toMatchObject({
      line: 4002,
      column: 10,
      reason: "unterminated entity reference",
    });
  });

  it("reports a bare & near the end as not well-formed, not truncated", () => {
    expect(failure(() => parse("<r>a & b</r>")).code).toBe("x.not-well-formed");
  });

  it("refuses XML 1.1 character references (parsed as XML 1.0)", () => {
    expect(failure(() => parse('<?xml version="1.1"?><r>&#1;</r>')).code).toBe("x.not-well-formed");
  });

  it("refuses a damaged DOCTYPE where it ends, and reads the well-formed ones (issue 14 item 9)", () => {
    for (const doctype of [
      '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
      "<!DOCTYPE tmx>",
      "<!DOCTYPE  martif:x.y-z\n SYSTEM 'TBXcoreStructV02.dtd'\n>",
      '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/xliff.dtd">',
      '<!DOCTYPE tmx PUBLIC "-//X//Y" "a.dtd" [ <!ELEMENT tmx ANY> <!-- ] --> ]>',
    ]) {
      expect(() => parse(`${doctype}\n<r/>`), doctype).not.toThrow();
    }
    // Bytes flipped in real files' DOCTYPEs, which were accepted before.
    for (const doctype of [
      '<!DOCTYPE tm< SYSTEM "tmx11.dtd">',
      '<!DOCTYPE tmx SYS&EM "tmx14.dtd">',
      '<!DOCTYPE m=rtif SYSTEM "TBXcoreStructV02.dtd">',
      "<!DOCTYPE tmx SYSTEM 'a.dtd' junk>",
      '<!DOCTYPE tmx PUBLIC "bad{id}" "a.dtd">',
      '<!DOCTYPE tmx SYSTEM "a.dtd" [ <!ELEMENT tmx ANY> ] x>',
    ]) {
      const e = failure(() => parse(`<?xml version="1.0"?>\n${doctype}\n<r/>`));
      expect([e.code, e.params], doctype).toEqual([
        "x.not-well-formed",
        { line: 2, column: doctype.length, reason: "malformed DOCTYPE" },
      ]);
    }
  });

  it("streams: detached elements are not kept by their parent", () => {
    let kept = -1;
    parseXml(
      "<r><a/><a/><b/></r>",
      {
        onClose: (el, depth) => {
          if (depth === 0) kept = el.children.length;
          return el.name !== "a";
        },
      },
      { codePrefix: "x" },
    );
    expect(kept).toBe(1);
  });
});

const enc = (s: string) => new TextEncoder().encode(s);

describe("decodeXmlBytes", () => {
  const xml = '<?xml version="1.0" encoding="windows-1252"?><r>caf\u00e9 \u20ac</r>';

  it("honours the declared legacy encoding", () => {
    const bytes = new Uint8Array([...xml].map((c) => (c === "\u20ac" ? 0x80 : c.charCodeAt(0))));
    expect(decodeXmlBytes(bytes, "a.tmx")).toEqual({
      text: xml,
      encoding: "windows-1252",
      source: "declaration",
    });
  });

  it("lets a BOM win over the declaration", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(xml)]);
    expect(decodeXmlBytes(bytes, "a.tmx")).toMatchObject({
      text: xml,
      encoding: "utf-8",
      source: "bom",
    });
  });

  it("recognises UTF-16 without BOM from the '<?' pattern", () => {
    const text = '<?xml version="1.0"?><r>đ</r>';
    const le = new Uint8Array(text.length * 2);
    [...text].forEach((c, i) => {
      le[i * 2] = c.charCodeAt(0) & 0xff;
      le[i * 2 + 1] = c.charCodeAt(0) >> 8;
    });
    expect(decodeXmlBytes(le, "a.tmx")).toMatchObject({ text, encoding: "utf-16le" });
  });

  it("defaults to strict UTF-8 and names the file in errors", () => {
    expect(decodeXmlBytes(enc("<r>đ</r>"), "a.tmx")).toMatchObject({
      text: "<r>đ</r>",
      source: "default",
    });
    const e = failure(() =>
      decodeXmlBytes(new Uint8Array([0x3c, 0x72, 0x3e, 0xe9, 0x3c]), "b.tmx", "tmx"),
    );
    expect([e.code, e.params]).toEqual([
      "tmx.encoding",
      { file: "b.tmx", encoding: "utf-8", line: 1, column: 4 },
    ]);
  });
});
