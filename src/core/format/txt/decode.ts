import { AppError } from "../../model/app-error.ts";

/** The part of TextDecoder we use; reached through globalThis so core needs no DOM/Node typings. */
interface Decoder {
  decode(input: Uint8Array): string;
}
type DecoderCtor = new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => Decoder;

export function textDecoder(label: string, fatal = true): Decoder {
  const Ctor = (globalThis as unknown as { TextDecoder: DecoderCtor }).TextDecoder;
  // ignoreBOM: true keeps the BOM, so callers decide (they strip it after sniffing).
  return new Ctor(label, { fatal, ignoreBOM: true });
}

/** "utf-16le" / "utf-16be" / "utf-8" when the bytes start with that BOM, with the BOM length. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * Decodes a plain-text file: UTF-8 (BOM stripped) or UTF-16 LE/BE with BOM.
 * Throws AppError txt.empty, txt.binary (NUL bytes, e.g. UTF-16 without BOM or a binary file) or
 * txt.encoding (not valid UTF-8), each with {file}.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const params = { file: fileName };
  const bom = sniffBom(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  if (body.length === 0) throw new AppError("txt.empty", params);
  if (!bom || bom.encoding === "utf-8") {
    if (body.includes(0)) throw new AppError("txt.binary", params);
  } else if (body.length % 2 !== 0) {
    throw new AppError("txt.encoding", params);
  }
  let text: string;
  try {
    text = textDecoder(bom?.encoding ?? "utf-8").decode(body);
  } catch {
    throw new AppError("txt.encoding", params);
  }
  if (text.includes("\u0000")) throw new AppError("txt.binary", params);
  return text;
}
