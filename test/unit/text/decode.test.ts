import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeText } from "../../../src/core/text/decode.ts";
import { AppError } from "../../../src/core/model/app-error.ts";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const utf16le = (s: string) =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]));
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
};

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("decodeText", () => {
  const sample = "Konvensi Hanoi — António, Việt Nam 👍";

  it("decodes UTF-8 and strips a UTF-8 BOM", () => {
    expect(decodeText(utf8(sample))).toEqual({ text: sample, encoding: "utf-8", bom: false });
    expect(decodeText(utf8("\ufeff" + sample))).toEqual({
      text: sample,
      encoding: "utf-8",
      bom: true,
    });
  });

  it("decodes UTF-16 LE and BE with a BOM", () => {
    expect(decodeText(utf16le(sample))).toEqual({ text: sample, encoding: "utf-16le", bom: true });
    expect(decodeText(utf16be(sample))).toEqual({ text: sample, encoding: "utf-16be", bom: true });
  });

  it("rejects invalid UTF-8 with the offset of the bad byte", () => {
    const bytes = new Uint8Array([0x61, 0x62, 0xc3, 0x28]);
    expect(errorOf(() => decodeText(bytes)).toInfo()).toEqual({
      code: "text.invalid-utf8",
      params: { offset: 2 },
    });
    // windows-1252 "é", an overlong "/", an encoded surrogate, a truncated sequence
    for (const bad of [[0xe9], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      expect(errorOf(() => decodeText(new Uint8Array(bad))).code).toBe("text.invalid-utf8");
    }
  });

  it("rejects truncated or unpaired UTF-16", () => {
    expect(errorOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x61]))).code).toBe(
      "text.invalid-utf16",
    );
    expect(
      errorOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x61, 0x00]))).code,
    ).toBe("text.invalid-utf16");
  });

  it("agrees with Node's decoder on any well-formed text, in all three encodings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        fc.pre(!text.startsWith("\ufeff"));
        expect(decodeText(utf8(text)).text).toBe(text);
        expect(decodeText(utf16le(text)).text).toBe(text);
        expect(decodeText(utf16be(text)).text).toBe(text);
      }),
    );
  });

  it("throws only AppErrors on arbitrary bytes, and agrees with TextDecoder when it succeeds", () => {
    const reference = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        fc.pre(
          !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff),
        );
        let expected: string | null;
        try {
          expected = reference.decode(bytes);
        } catch {
          expected = null;
        }
        if (expected === null) {
          expect(errorOf(() => decodeText(bytes)).code).toBe("text.invalid-utf8");
        } else {
          expect(decodeText(bytes).text).toBe(expected);
        }
      }),
    );
  });
});
