import { AppError } from "../model/app-error.ts";

/** Which encoding a byte sequence was read as. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Whether the input started with a byte order mark (it is not part of `text`). */
  bom: boolean;
}

const CHUNK = 8192;

/**
 * Decodes a text file: UTF-16 LE/BE when it starts with a byte order mark, otherwise strict UTF-8
 * (a UTF-8 BOM is dropped). Invalid input throws `AppError("text.invalid-utf8" | "text.invalid-utf16",
 * { offset })`, offset being the byte index of the first bad sequence. Pure: no TextDecoder needed.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes, 2, true), encoding: "utf-16le", bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes, 2, false), encoding: "utf-16be", bom: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: decodeUtf8(bytes, bom ? 3 : 0), encoding: "utf-8", bom };
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  if ((bytes.length - start) % 2 !== 0) {
    throw new AppError("text.invalid-utf16", { offset: bytes.length - 1 });
  }
  const parts: string[] = [];
  let units: number[] = [];
  let pendingHigh = -1;
  for (let i = start; i < bytes.length; i += 2) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    const unit = littleEndian ? a | (b << 8) : (a << 8) | b;
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    if (pendingHigh >= 0 && !isLow) throw new AppError("text.invalid-utf16", { offset: i - 2 });
    if (pendingHigh < 0 && isLow) throw new AppError("text.invalid-utf16", { offset: i });
    pendingHigh = isHigh ? i : -1;
    units.push(unit);
    if (units.length >= CHUNK && pendingHigh < 0) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  }
  if (pendingHigh >= 0) throw new AppError("text.invalid-utf16", { offset: pendingHigh });
  parts.push(String.fromCharCode(...units));
  return parts.join("");
}

function decodeUtf8(bytes: Uint8Array, start: number): string {
  const parts: string[] = [];
  let units: number[] = [];
  let i = start;
  const n = bytes.length;
  while (i < n) {
    const b0 = bytes[i]!;
    let cp: number;
    let len: number;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      len = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      len = 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      len = 4;
    } else {
      throw new AppError("text.invalid-utf8", { offset: i });
    }
    if (i + len > n) throw new AppError("text.invalid-utf8", { offset: i });
    for (let k = 1; k < len; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) throw new AppError("text.invalid-utf8", { offset: i });
      cp = (cp << 6) | (b & 0x3f);
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are invalid.
    if (
      (len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
      (len === 4 && (cp < 0x10000 || cp > 0x10ffff))
    ) {
      throw new AppError("text.invalid-utf8", { offset: i });
    }
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else {
      units.push(cp);
    }
    i += len;
    if (units.length >= CHUNK) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  }
  parts.push(String.fromCharCode(...units));
  return parts.join("");
}

/**
 * Names an encoding Selaras refuses, from the first bytes: UTF-32 (with its BOM, or NUL-padded
 * ASCII), or UTF-16 without a BOM (every other byte NUL). Null when it looks like none of them.
 * Lets a refusal say what the file is rather than "binary" (issue 14 items 8, 9).
 */
export function sniffRefusedEncoding(
  bytes: Uint8Array,
): "utf-32le" | "utf-32be" | "utf-16le-no-bom" | "utf-16be-no-bom" | null {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return "utf-32le";
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return "utf-32be";
  const n = Math.min(b.length - (b.length % 4), 256);
  if (n < 4) return null;
  const zeroAt = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) zeroAt[i % 4]!++;
  const q = n / 4;
  if (zeroAt[1] === q && zeroAt[2] === q && zeroAt[3] === q) return "utf-32le";
  if (zeroAt[0] === q && zeroAt[1] === q && zeroAt[2] === q) return "utf-32be";
  if (zeroAt[1] === q && zeroAt[3] === q) return "utf-16le-no-bom";
  if (zeroAt[0] === q && zeroAt[2] === q) return "utf-16be-no-bom";
  return null;
}
