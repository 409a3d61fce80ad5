import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../../../src/core/model/app-error.ts";
import { decodeText } from "../../../../src/core/format/txt/decode.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

function utf16(text: string, le: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2] = le ? code & 0xff : code >> 8;
    out[3 + i * 2] = le ? code >> 8 : code & 0xff;
  }
  return out;
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${JSON.stringify(e.params)}`;
    throw e;
  }
  return "no error";
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const SAMPLE = "Presiden Jokowi tiba.\nTổng thống 👍 e\u0301";

describe("decodeText", () => {
  it("decodes UTF-8 with and without BOM", () => {
    expect(decodeText(utf8(SAMPLE), "a.txt")).toBe(SAMPLE);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]), "a.txt")).toBe(SAMPLE);
  });

  it("decodes UTF-16 LE and BE with BOM", () => {
    expect(decodeText(utf16(SAMPLE, true), "a.txt")).toBe(SAMPLE);
    expect(decodeText(utf16(SAMPLE, false), "a.txt")).toBe(SAMPLE);
  });

  it("round-trips any well-formed string in all three encodings", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1 }).filter((s) => !s.includes("\u0000")),
        (s) => {
          expect(decodeText(utf8(s), "f")).toBe(s);
          expect(decodeText(utf16(s, true), "f")).toBe(s);
          expect(decodeText(utf16(s, false), "f")).toBe(s);
        },
      ),
    );
  });

  it("refuses empty files, with or without BOM", () => {
    expect(code(() => decodeText(new Uint8Array(), "e.txt"))).toBe('txt.empty {"file":"e.txt"}');
    expect(code(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf]), "e.txt"))).toBe(
      'txt.empty {"file":"e.txt"}',
    );
    expect(code(() => decodeText(new Uint8Array([0xff, 0xfe]), "e.txt"))).toBe(
      'txt.empty {"file":"e.txt"}',
    );
  });

  it("refuses binary data; UTF-16 without BOM and UTF-32 by name (issue 14 items 8, 9)", () => {
    expect(code(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), "p.txt"))).toBe(
      'txt.binary {"file":"p.txt"}',
    );
    const noBom = utf16("Halo", true).subarray(2);
    expect(code(() => decodeText(noBom, "u.txt"))).toBe(
      'txt.utf16-no-bom {"file":"u.txt","encoding":"UTF-16 LE"}',
    );
    const utf32le = new Uint8Array([0xff, 0xfe, 0, 0, 0x48, 0, 0, 0, 0x61, 0, 0, 0]);
    expect(code(() => decodeText(utf32le, "w.txt"))).toBe(
      'txt.unsupported-encoding {"file":"w.txt","encoding":"UTF-32 LE"}',
    );
    const utf32beNoBom = new Uint8Array([0, 0, 0, 0x48, 0, 0, 0, 0x61]);
    expect(code(() => decodeText(utf32beNoBom, "x.txt"))).toBe(
      'txt.unsupported-encoding {"file":"x.txt","encoding":"UTF-32 BE"}',
    );
    expect(code(() => decodeText(utf16("a\u0000b", false), "n.txt"))).toBe(
      'txt.binary {"file":"n.txt"}',
    );
  });

  it("refuses invalid UTF-8 (e.g. windows-1252) and odd-length UTF-16", () => {
    expect(code(() => decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), "w.txt"))).toBe(
      'txt.encoding {"file":"w.txt","offset":3}',
    );
    expect(code(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41]), "o.txt"))).toBe(
      'txt.encoding {"file":"o.txt","offset":2}',
    );
  });
});
