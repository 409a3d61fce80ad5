/** Reads a TMX fixture the way the app does (bytes → decodeXmlBytes → readTmxWithReport) into plain JSON. */
import { decodeXmlBytes } from "../../../../src/core/format/xml/decode-xml-bytes.ts";
import { readTmxWithReport } from "../../../../src/core/format/tmx/read-tmx.ts";
import type { TmxExtras } from "../../../../src/core/format/tmx/tmx-extras.ts";

export function extrasToJson(extras: TmxExtras): unknown {
  return { header: extras.header, units: Object.fromEntries(extras.units) };
}

export function extrasFromJson(json: {
  header: TmxExtras["header"];
  units: Record<string, never>;
}): TmxExtras {
  return { header: json.header, units: new Map(Object.entries(json.units)) };
}

export function readTmxFixture(bytes: Uint8Array, fileName: string) {
  const decoded = decodeXmlBytes(bytes, fileName, "tmx");
  const result = readTmxWithReport(decoded.text, { fileName });
  return {
    encoding: decoded.encoding,
    bundle: result.bundle,
    report: result.report,
    extras: extrasToJson(result.extras),
  };
}
