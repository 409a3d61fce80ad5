import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { escapeXmlAttr, escapeXmlText } from "../../../../src/core/format/xml/escape-xml.ts";
import { parseXml, textContent } from "../../../../src/core/format/xml/parse-xml.ts";
import type { XmlElement } from "../../../../src/core/format/xml/parse-xml.ts";
import {
  isXmlSafe,
  normalizeForXml,
  stripXmlForbidden,
} from "../../../../src/core/format/xml/xml-chars.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

function roundTrip(text: string, attr: string): { text: string; attr: string } {
  let root: XmlElement | undefined;
  parseXml(
    `<r a="${escapeXmlAttr(attr)}">${escapeXmlText(text)}</r>`,
    { onClose: (el, depth) => void (depth === 0 && (root = el)) },
    { codePrefix: "t" },
  );
  return { text: textContent(root!), attr: root!.attrs["a"]! };
}

describe("XML character handling", () => {
  it("strips exactly the characters XML 1.0 forbids", () => {
    expect(stripXmlForbidden("a\u0000b\u0008c\u0009d\u000ae\u000bf\u000cg\u000dh\u001fi")).toEqual({
      text: "abc\td\nefg\rhi",
      removed: 5,
    });
    expect(stripXmlForbidden("\ufffe\uffff\ufffd")).toEqual({ text: "\ufffd", removed: 2 });
    expect(stripXmlForbidden("\ud83d\ude00\ud83d x\ude00")).toEqual({
      text: "\ud83d\ude00 x",
      removed: 2,
    });
  });

  it("skips NFC only where it is the identity (every character below U+0300 is NFC-stable)", () => {
    for (let c = 0x20; c < 0x300; c++) {
      const ch = String.fromCodePoint(c);
      expect(ch.normalize("NFC")).toBe(ch);
    }
    expect(normalizeForXml("Vie\u0302\u0323t")).toBe("Việt");
    expect(normalizeForXml("e\u0301")).toBe("\u00e9");
  });

  it("leaves every output XML-safe and safe input untouched", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const { text, removed } = stripXmlForbidden(s);
        expect(isXmlSafe(text)).toBe(true);
        expect(removed).toBe(s.length - text.length);
        if (isXmlSafe(s)) expect(text).toBe(s);
      }),
    );
  });

  it("escapes exactly the characters that need it, as the references the writers promise", () => {
    expect(escapeXmlText("")).toBe("");
    expect(escapeXmlText("Việt \"q\" 'a'\t")).toBe("Việt \"q\" 'a'\t");
    expect(escapeXmlText("&a<<b>\r\n")).toBe("&amp;a&lt;&lt;b&gt;&#13;&#10;");
    expect(escapeXmlAttr("<\"x\" & 'y'>\t\r\n😀")).toBe(
      "&lt;&quot;x&quot; &amp; &apos;y&apos;&gt;&#9;&#13;&#10;😀",
    );
  });

  it("escaped text and attributes parse back to the normalized value (CR, TAB, LF, quotes, ]]>)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (text, attr) => {
        const safeText = normalizeForXml(text);
        const safeAttr = normalizeForXml(attr);
        expect(roundTrip(safeText, safeAttr)).toEqual({ text: safeText, attr: safeAttr });
      }),
      { numRuns: 300 },
    );
    expect(roundTrip("a\r\nb]]>&<", "x\ty\r\nz\"'")).toEqual({
      text: "a\r\nb]]>&<",
      attr: "x\ty\r\nz\"'",
    });
  });
});
