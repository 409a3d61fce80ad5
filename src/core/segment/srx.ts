import { AppError } from "../model/app-error.ts";
import type { SegmentationRules } from "./rules.ts";

/** Parses an SRX 2.0 document (stage 2: not implemented yet). */
export function parseSrx(_xml: string): SegmentationRules {
  throw new AppError("srx.unsupported", {});
}
