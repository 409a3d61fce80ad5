import type { ByteSource } from "../byte-source.ts";
import { decodeXmlChunks } from "../xml/decode-xml-bytes.ts";
import type { TmxReadOptions, TmxReadResult } from "./read-tmx.ts";
import { readTmxSource } from "./read-tmx.ts";

/**
 * The whole TMX import in one call, for the UI and the CLI: decodes the file's bytes (BOM,
 * declared encoding, UTF-16, windows-1252...) chunk by chunk while parsing, so memory holds the
 * bytes and the result but never the whole text; from a ByteSource (a File read by a Web Worker),
 * only the result and one block of bytes. `onProgress` counts bytes. Every failure is an
 * AppError "tmx.*" naming the file (see decodeXmlChunks and readTmxWithReport for the codes).
 */
export function readTmxBytes(
  bytes: Uint8Array | ByteSource,
  fileName: string,
  options: Omit<TmxReadOptions, "fileName"> = {},
): TmxReadResult & { encoding: string } {
  const { onProgress, ...rest } = options;
  const decoded = decodeXmlChunks(bytes, fileName, "tmx", onProgress);
  return { ...readTmxSource(decoded.chunks, { ...rest, fileName }), encoding: decoded.encoding };
}
