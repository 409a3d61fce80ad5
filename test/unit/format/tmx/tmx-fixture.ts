/** Reads a TMX fixture the way the app does (bytes → readTmxBytes, streaming) into plain JSON. */
import { readTmxBytes } from "../../../../src/core/format/tmx/read-tmx-bytes.ts";
import { withContentIdPlaceholder } from "../content-id-placeholder.ts";
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
  const result = readTmxBytes(bytes, fileName);
  return {
    encoding: result.encoding,
    bundle: withContentIdPlaceholder(result.bundle),
    report: result.report,
    extras: extrasToJson(result.extras),
  };
}
