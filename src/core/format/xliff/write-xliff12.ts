import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleSegment } from "../../model/bundle.ts";
import type { Status } from "../../model/status.ts";
import type { XliffWriteOptions } from "./xliff-common.ts";
import { documentsWithSegments, makeIdMapper } from "./xliff-common.ts";
import { UnitIds, writeInline12 } from "./xliff-inline-write.ts";
import type { XliffSegmentShape } from "./xliff-structure.ts";
import { xmlAttr as attr, xmlText as text } from "../xml/escape-xml.ts";
import { encodeCommentNote } from "../comment-note.ts";

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
  shape: XliffSegmentShape | undefined,
): string {
  const t = seg.targets[options.targetLang];
  const hasTarget = t !== undefined && t.text !== "" && (!statuses || statuses.has(t.status));
  const ids = new UnitIds(hasTarget ? [seg.source, t.text] : [seg.source]);
  const approved = hasTarget && t.status === "approved" ? ' approved="yes"' : "";
  const translate = shape?.translate === "no" ? ' translate="no"' : "";
  const lines = [
    `      <trans-unit${attr("id", id)}${approved}${translate} xml:space="preserve">`,
    `        <source>${writeInline12(seg.source, ids)}</source>`,
  ];
  if (hasTarget)
    lines.push(`        <target state="${STATE[t.status]}">${writeInline12(t.text, ids)}</target>`);
  for (const c of seg.comments?.[options.targetLang] ?? []) {
    lines.push(
      `        <note${attr("from", c.author)} annotates="target">${text(encodeCommentNote(c))}</note>`,
    );
  }
  lines.push("      </trans-unit>");
  return lines.join("\n");
}

/**
 * XLIFF 1.2 (valid against xliff-core-1.2-strict.xsd) for one target language: one `<file>` per
 * document, one `<trans-unit>` per segment; inline codes read from XLIFF 1.x are written back as
 * they came, others as `<bpt>/<ept>`, `<it>`, `<ph>` with the native code (xliff-inline-write.ts). Text is normalized as for TMX. Throws AppError xliff.nothing-to-export when no document
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
    const unitId = makeIdMapper("u", true);
    parts.push(
      `  <file${attr("original", doc.title === "" ? doc.id : doc.title)} source-language="${doc.sourceLang}" target-language="${options.targetLang}" datatype="plaintext">`,
      "    <body>",
    );
    const shapes = options.structure?.get(doc.id);
    for (const seg of doc.segments) {
      const shape = shapes?.get(seg.id);
      // A unit read whole keeps its id; a segment of a split unit keeps its own.
      const wanted = shape && shape.count === 1 ? shape.unit : seg.id;
      parts.push(transUnit(seg, unitId(wanted), options, statuses, shape));
    }
    parts.push("    </body>", "  </file>");
  }
  // <xliff> needs at least one <file>: refuse rather than invent content.
  if (parts.length === 2) throw new AppError("xliff.nothing-to-export");
  parts.push("</xliff>", "");
  return parts.join("\n");
}
