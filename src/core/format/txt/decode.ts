import { AppError, isAppError } from "../../model/app-error.ts";
import { decodeText as decodeStrict, sniffRefusedEncoding } from "../../text/decode.ts";

/** The part of TextDecoder we use; reached through globalThis so core needs no DOM/Node typings. */
interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
  readonly encoding: string;
}
type DecoderCtor = new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => Decoder;

/** WHATWG windows-1252 for bytes 0x80-0x9F (the five undefined bytes map to themselves). */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * A TextDecoder (fatal by default). Node 20 decodes windows-1252 (and its aliases latin1,
 * iso-8859-1, ascii) as ISO-8859-1, giving C1 controls for 0x80-0x9F; this wrapper maps them as
 * the WHATWG Encoding Standard (and every browser) does.
 */
export function textDecoder(label: string, fatal = true): Decoder {
  const Ctor = (globalThis as unknown as { TextDecoder: DecoderCtor }).TextDecoder;
  // ignoreBOM: true keeps the BOM, so callers decide (they strip it after sniffing).
  const decoder = new Ctor(label, { fatal, ignoreBOM: true });
  if (decoder.encoding !== "windows-1252") return decoder;
  return {
    encoding: decoder.encoding,
    decode: (input) =>
      decoder
        .decode(input)
        .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!),
  };
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
 * The refusals every text reader makes before decoding (the app's imports, the CLI's `segment` and
 * `align`): UTF-32 (txt.unsupported-encoding {file, encoding}) and UTF-16 without its BOM
 * (txt.utf16-no-bom {file, encoding}), named, and NUL bytes in UTF-8 (txt.binary {file}), which would
 * otherwise be read as NUL-filled text.
 */
export function refuseUnreadableText(bytes: Uint8Array, fileName: string): void {
  const params = { file: fileName };
  const refused = sniffRefusedEncoding(bytes);
  if (refused === "utf-32le" || refused === "utf-32be") {
    const encoding = refused === "utf-32le" ? "UTF-32 LE" : "UTF-32 BE";
    throw new AppError("txt.unsupported-encoding", { ...params, encoding });
  }
  if (refused) {
    const encoding = refused === "utf-16le-no-bom" ? "UTF-16 LE" : "UTF-16 BE";
    throw new AppError("txt.utf16-no-bom", { ...params, encoding });
  }
  const bom = sniffBom(bytes);
  if ((!bom || bom.encoding === "utf-8") && bytes.subarray(bom?.length ?? 0).includes(0))
    throw new AppError("txt.binary", params);
}

/**
 * Decodes a plain-text file for import: UTF-8 (BOM stripped) or UTF-16 LE/BE with BOM, through the
 * one strict decoder of core/text/decode.ts. Adds the file-import policy on top: empty files, and
 * NUL bytes (a binary file, or UTF-16 without its BOM), are refused. Throws AppError txt.empty,
 * txt.binary or txt.encoding (with the byte offset of the first bad sequence), each with {file}.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const params = { file: fileName };
  refuseUnreadableText(bytes, fileName);
  const bom = sniffBom(bytes);
  if (bytes.length === (bom?.length ?? 0)) throw new AppError("txt.empty", params);
  let text: string;
  try {
    text = decodeStrict(bytes).text;
  } catch (error) {
    if (isAppError(error)) throw new AppError("txt.encoding", { ...params, ...error.params });
    throw error;
  }
  if (text.includes("\u0000")) throw new AppError("txt.binary", params);
  return text;
}
