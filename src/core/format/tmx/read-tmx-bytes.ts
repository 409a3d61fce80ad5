import { decodeXmlBytes } from "../xml/decode-xml-bytes.ts";
import type { TmxReadOptions, TmxReadResult } from "./read-tmx.ts";
import { readTmxWithReport } from "./read-tmx.ts";

/**
 * The whole TMX import in one call, for the UI and the CLI: decodes the file's bytes (BOM,
 * declared encoding, UTF-16, windows-1252...) and reads it. Every failure is an AppError "tmx.*"
 * naming the file (see decodeXmlBytes and readTmxWithReport for the codes).
 */
export function readTmxBytes(
  bytes: Uint8Array,
  fileName: string,
  options: Omit<TmxReadOptions, "fileName"> = {},
): TmxReadResult & { encoding: string } {
  const decoded = decodeXmlBytes(bytes, fileName, "tmx");
  return {
    ...readTmxWithReport(decoded.text, { ...options, fileName }),
    encoding: decoded.encoding,
  };
}
