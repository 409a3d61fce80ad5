import { AppError } from "../../model/app-error.ts";
import type { ByteSource } from "../byte-source.ts";
import { byteSource } from "../byte-source.ts";
import { sniffRefusedEncoding } from "../../text/decode.ts";
import { sniffBom, textDecoder } from "../txt/decode.ts";
import { countToByte, decodeErrorPosition, positionInText } from "./text-position.ts";

/** The encoding of an XML file, as found by decodeXmlBytes. */
export interface DecodedXml {
  text: string;
  /** WHATWG encoding label used ("utf-8", "utf-16le", "windows-1252", ...). */
  encoding: string;
  /** How it was found. */
  source: "bom" | "declaration" | "default";
}

const DECL_RE = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** Label from the XML declaration, read as ASCII from the first bytes (UTF-8-compatible files). */
function declaredEncoding(bytes: Uint8Array): string | null {
  return DECL_RE.exec(declarationText(bytes))?.[1]?.toLowerCase() ?? null;
}

/** Where the declaration's `encoding` is (an unknown one is refused there). */
function declaredEncodingAt(bytes: Uint8Array) {
  const head = declarationText(bytes);
  return positionInText(head, Math.max(0, head.search(/\sencoding\s*=/) + 1));
}

/** The XML declaration (up to its ">"), as ASCII; other bytes become "?". */
function declarationText(bytes: Uint8Array): string {
  let head = "";
  const end = Math.min(bytes.length, 512);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!;
    if (byte === 0x3e) {
      head += ">";
      break;
    }
    head += byte < 0x80 ? String.fromCharCode(byte) : "?";
  }
  return head;
}

/** UTF-16 without BOM, recognised by "<?" or "<" + NUL patterns (XML 1.0 appendix F). */
function sniffUtf16NoBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00)
    return "utf-16le";
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)
    return "utf-16be";
  return null;
}

/**
 * Refuses UTF-32 (with or without its byte order mark) by name: TextDecoder has no UTF-32, and read
 * as UTF-16 (its BOM starts like UTF-16 LE's) or UTF-8 it is text full of NULs, which was refused as
 * "a binary file" (issue 14 item 8). Throws `<prefix>.unsupported-encoding` {file, encoding}.
 */
function refuseUtf32(head: Uint8Array, params: Record<string, string>, prefix: string): void {
  const refused = sniffRefusedEncoding(head);
  if (refused === "utf-32le" || refused === "utf-32be") {
    const encoding = refused === "utf-32le" ? "UTF-32 LE" : "UTF-32 BE";
    throw new AppError(`${prefix}.unsupported-encoding`, { ...params, encoding });
  }
}

function decode(
  label: string,
  bytes: Uint8Array,
  params: Record<string, string>,
  prefix: string,
): string {
  let decoder;
  try {
    decoder = textDecoder(label);
  } catch {
    const at = declaredEncodingAt(bytes);
    throw new AppError(`${prefix}.unknown-encoding`, { ...params, encoding: label, ...at });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const at = decodeErrorPosition(byteSource(bytes), 0, label);
    throw new AppError(`${prefix}.encoding`, { ...params, encoding: label, ...at });
  }
}

/** The position of the character at byte `index`, decoded as `label` (or UTF-8 if unknown). */
function positionOfByte(bytes: Uint8Array, index: number, label: string) {
  try {
    return countToByte(byteSource(bytes), 0, index, label).position;
  } catch {
    return countToByte(byteSource(bytes), 0, index, "utf-8").position;
  }
}

/** `<prefix>.binary` at the first NUL character of a decoded text. */
function binaryInText(text: string, params: Record<string, string>, prefix: string): AppError {
  return new AppError(`${prefix}.binary`, {
    ...params,
    ...positionInText(text, text.indexOf("\u0000")),
  });
}

/**
 * Decodes the bytes of an XML file (TMX, XLIFF): byte-order mark first (UTF-8, UTF-16 LE/BE), then
 * the `encoding=` of the XML declaration (any label TextDecoder knows, e.g. windows-1252), else
 * UTF-8. Invalid bytes for the chosen encoding are an error, never silent U+FFFD damage.
 * Throws AppError `<prefix>.empty`, `.binary`, `.unknown-encoding`, `.encoding` with {file}, and
 * `.unsupported-encoding` {file, encoding} for UTF-32.
 */
export function decodeXmlBytes(
  bytes: Uint8Array,
  fileName: string,
  codePrefix = "xml",
): DecodedXml {
  const params = { file: fileName };
  refuseUtf32(bytes, params, codePrefix);
  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (body.length === 0) throw new AppError(`${codePrefix}.empty`, params);
    const text = decode(bom.encoding, body, params, codePrefix);
    if (text.includes("\u0000")) throw binaryInText(text, params, codePrefix);
    return { text, encoding: bom.encoding, source: "bom" };
  }
  if (bytes.length === 0) throw new AppError(`${codePrefix}.empty`, params);
  const utf16 = sniffUtf16NoBom(bytes);
  if (utf16)
    return {
      text: decode(utf16, bytes, params, codePrefix),
      encoding: utf16,
      source: "declaration",
    };
  const declared = declaredEncoding(bytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Where the NUL is, read in the encoding the file declares (UTF-8 when none or unknown).
    const label = declared !== null && !/^utf-?16/.test(declared) ? declared : "utf-8";
    const at = positionOfByte(bytes, nul, label);
    throw new AppError(`${codePrefix}.binary`, { ...params, ...at });
  }
  if (declared !== null && !/^utf-?16/.test(declared)) {
    const text = decode(declared, bytes, params, codePrefix);
    const encoding = declared === "utf8" ? "utf-8" : declared;
    return { text, encoding, source: "declaration" };
  }
  return { text: decode("utf-8", bytes, params, codePrefix), encoding: "utf-8", source: "default" };
}

/** Bytes decoded lazily, chunk by chunk: the whole text never exists as one string. */
export interface XmlChunks {
  encoding: string;
  source: DecodedXml["source"];
  /** Yields decoded text chunks; throws AppError `<prefix>.encoding` / `.binary` while iterating. */
  chunks: Iterable<string>;
}

const BYTE_CHUNK = 64 * 1024;
/** Enough for a BOM and an XML declaration (declaredEncoding reads at most this much). */
const HEAD = 512;

/**
 * Like decodeXmlBytes, but streaming: detects the encoding the same way from the first bytes, then
 * reads and decodes 64 KB at a time (TextDecoder in stream mode), so a 100 MB file costs no
 * 100-200 MB string, and, from a ByteSource, not even its bytes. A NUL byte (a binary file) is
 * refused chunk by chunk before decoding it. `onProgress` gets bytes decoded so far and the total.
 */
export function decodeXmlChunks(
  input: Uint8Array | ByteSource,
  fileName: string,
  codePrefix = "xml",
  onProgress?: (done: number, total: number) => void,
): XmlChunks {
  const params = { file: fileName };
  const bytes = byteSource(input);
  // A copy: a source may reuse the memory of a view for its next read.
  const head = bytes.read(0, Math.min(bytes.size, HEAD)).slice();
  refuseUtf32(head, params, codePrefix);
  const bom = sniffBom(head);
  const start = bom?.length ?? 0;
  let encoding = "utf-8";
  let source: DecodedXml["source"] = "default";
  let checkNul = false;
  if (bom) {
    encoding = bom.encoding;
    source = "bom";
  } else {
    const utf16 = sniffUtf16NoBom(head);
    if (utf16) {
      encoding = utf16;
      source = "declaration";
    } else {
      checkNul = true;
      const declared = declaredEncoding(head);
      if (declared !== null && !/^utf-?16/.test(declared)) {
        encoding = declared === "utf8" ? "utf-8" : declared;
        source = "declaration";
      }
      const nul = head.indexOf(0);
      if (nul >= 0) {
        throw new AppError(`${codePrefix}.binary`, {
          ...params,
          ...positionOfByte(head, nul, encoding),
        });
      }
    }
  }
  if (bytes.size - start === 0) throw new AppError(`${codePrefix}.empty`, params);
  let decoder: ReturnType<typeof textDecoder>;
  try {
    decoder = textDecoder(encoding);
  } catch {
    const at = declaredEncodingAt(head);
    throw new AppError(`${codePrefix}.unknown-encoding`, { ...params, encoding, ...at });
  }
  const utf16 = encoding.startsWith("utf-16");
  function* chunks(): Generator<string> {
    for (let at = start; at < bytes.size; at += BYTE_CHUNK) {
      const end = Math.min(bytes.size, at + BYTE_CHUNK);
      const piece = bytes.read(at, end);
      const nul = checkNul ? piece.indexOf(0) : -1;
      if (nul >= 0) {
        const where = countToByte(bytes, start, at + nul, encoding).position;
        throw new AppError(`${codePrefix}.binary`, { ...params, ...where });
      }
      let text: string;
      try {
        text = decoder.decode(piece, { stream: end < bytes.size });
      } catch {
        // Where: read again up to the bad bytes (only now, so reading a good file costs nothing).
        const where = decodeErrorPosition(bytes, start, encoding);
        throw new AppError(`${codePrefix}.encoding`, { ...params, encoding, ...where });
      }
      if (utf16 && text.includes("\u0000")) {
        // The counter stops before a character begun in the previous piece, which `text` starts with.
        const counter = countToByte(bytes, start, at, encoding);
        const where = counter.advance(text.slice(0, text.indexOf("\u0000"))).position;
        throw new AppError(`${codePrefix}.binary`, { ...params, ...where });
      }
      yield text;
      onProgress?.(end, bytes.size);
    }
  }
  return { encoding, source, chunks: chunks() };
}
