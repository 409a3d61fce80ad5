import { decodeXmlBytes } from "../../core/format/xml/decode-xml-bytes.ts";
import { readSrx, type SrxReadResult } from "../../core/segment/srx.ts";

/**
 * An SRX file read in the SRX worker (`read-srx-async.ts`): OmegaT's whole default file has
 * thousands of rules whose patterns are translated and compiled one by one, seconds of work that
 * must not freeze Settings.
 */
export interface SrxJobRequest {
  bytes: Uint8Array;
  fileName: string;
}

/** Decodes (BOM, XML declaration) and reads, leaving out rules that cannot be translated. */
export function runSrxJob(request: SrxJobRequest): SrxReadResult {
  const { text } = decodeXmlBytes(request.bytes, request.fileName, "srx");
  return readSrx(text);
}
