import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleSegment } from "../../model/bundle.ts";
import type { Status } from "../../model/status.ts";
import type { XliffWriteOptions } from "./xliff-common.ts";
import { documentsWithSegments, inlineContent, makeIdMapper } from "./xliff-common.ts";
import { xmlAttr as attr, xmlText as text } from "../xml/escape-xml.ts";

/** Selaras status → XLIFF 1.2 target state (approved also sets approved="yes"). */
const STATE: Record<Status, string> = {
  empty: "new",
  draft: "needs-review-translation",
  translated: "translated",
  approved: "signed-off",
  rejected: "x-rejected",
};

function transUnit(
  seg: BundleSegment,
  id: string,
  options: XliffWriteOptions,
  statuses: Set<Status> | null,
): string {
  const ids = new Map<string, number>();
  const code = (native: string, key: string) => {
    let n = ids.get(key);
    if (n === undefined) ids.set(key, (n = ids.size + 1));
    return `<ph id="${n}">${text(native)}</ph>`;
  };
  const t = seg.targets[options.targetLang];
  const hasTarget = t !== undefined && t.text !== "" && (!statuses || statuses.has(t.status));
  const approved = hasTarget && t.status === "approved" ? ' approved="yes"' : "";
  const lines = [
    `      <trans-unit${attr("id", id)}${approved} xml:space="preserve">`,
    `        <source>${inlineContent(seg.source, code)}</source>`,
  ];
  if (hasTarget)
    lines.push(
      `        <target state="${STATE[t.status]}">${inlineContent(t.text, code)}</target>`,
    );
  lines.push("      </trans-unit>");
  return lines.join("\n");
}

/**
 * XLIFF 1.2 (valid against xliff-core-1.2-strict.xsd) for one target language: one `<file>` per
 * document, one `<trans-unit>` per segment; inline-code placeholders become `<ph>` with the native
 * code. Text is normalized as for TMX. Throws AppError xliff.nothing-to-export when no document
 * has segments.
 */
export function writeXliff12(bundle: Bundle, options: XliffWriteOptions): string {
  const statuses = options.statuses ? new Set(options.statuses) : null;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">',
  ];
  for (const doc of documentsWithSegments(bundle.documents)) {
    if (doc.sourceLang === options.targetLang) continue;
    const unitId = makeIdMapper("u");
    parts.push(
      `  <file${attr("original", doc.title === "" ? doc.id : doc.title)} source-language="${doc.sourceLang}" target-language="${options.targetLang}" datatype="plaintext">`,
      "    <body>",
    );
    for (const seg of doc.segments) parts.push(transUnit(seg, unitId(seg.id), options, statuses));
    parts.push("    </body>", "  </file>");
  }
  // <xliff> needs at least one <file>: refuse rather than invent content.
  if (parts.length === 2) throw new AppError("xliff.nothing-to-export");
  parts.push("</xliff>", "");
  return parts.join("\n");
}
