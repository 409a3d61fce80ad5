import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleSegment } from "../../model/bundle.ts";
import type { Status } from "../../model/status.ts";
import type { XliffWriteOptions } from "./xliff-common.ts";
import { documentsWithSegments, groupUnits, makeIdMapper } from "./xliff-common.ts";
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

/** The target a segment gets in the file (null: none). */
function targetOf(seg: BundleSegment, options: XliffWriteOptions, statuses: Set<Status> | null) {
  const t = seg.targets[options.targetLang];
  return t !== undefined && t.text !== "" && (!statuses || statuses.has(t.status)) ? t : null;
}

function sameStatus(
  segs: readonly BundleSegment[],
  options: XliffWriteOptions,
  statuses: Set<Status> | null,
): boolean {
  const found = new Set(segs.flatMap((s) => targetOf(s, options, statuses)?.status ?? []));
  return found.size <= 1;
}

/**
 * One trans-unit for the segments of a unit: `<source>` their texts joined, `<seg-source>` and
 * `<target>` one `<mrk mtype="seg" mid>` each (an empty one for a segment without a target), as
 * SDLXLIFF writes them; readXliff reads them back as these segments.
 */
function segmentedUnit(
  segs: readonly BundleSegment[],
  shapes: readonly (XliffSegmentShape | undefined)[],
  id: string,
  options: XliffWriteOptions,
  statuses: Set<Status> | null,
): string {
  const targets = segs.map((s) => targetOf(s, options, statuses));
  const ids = new UnitIds([
    ...segs.map((s) => s.source),
    ...targets.flatMap((t) => (t ? [t.text] : [])),
  ]);
  const sources = segs.map((s) => writeInline12(s.source, ids));
  const mids = segs.map((_, k) => shapes[k]?.segment ?? String(k + 1));
  const mark = (mid: string, content: string) =>
    content === ""
      ? `<mrk mtype="seg"${attr("mid", mid)}/>`
      : `<mrk mtype="seg"${attr("mid", mid)}>${content}</mrk>`;
  const status = targets.find((t) => t !== null)?.status;
  const approved = status === "approved" ? ' approved="yes"' : "";
  const translate = shapes.some((s) => s?.translate === "no") ? ' translate="no"' : "";
  // The text between the segments as read (spaces), else one space when none was read.
  const gaps = shapes.map((sh, k) => text(sh?.gap ?? (k === 0 || sh ? "" : " ")));
  const lines = [
    `      <trans-unit${attr("id", id)}${approved}${translate} xml:space="preserve">`,
    `        <source>${sources.map((s, k) => gaps[k]! + s).join("")}</source>`,
    `        <seg-source>${sources.map((s, k) => gaps[k]! + mark(mids[k]!, s)).join("")}</seg-source>`,
  ];
  if (status !== undefined) {
    const marks = targets.map((t, k) => mark(mids[k]!, t ? writeInline12(t.text, ids) : ""));
    lines.push(`        <target state="${STATE[status]}">${marks.join("")}</target>`);
  }
  for (const c of segs.flatMap((s) => s.comments?.[options.targetLang] ?? [])) {
    lines.push(
      `        <note${attr("from", c.author)} annotates="target">${text(encodeCommentNote(c))}</note>`,
    );
  }
  lines.push("      </trans-unit>");
  return lines.join("\n");
}

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
    for (const group of groupUnits(doc.segments, shapes)) {
      // A unit of several segments (SDLXLIFF, 2.0) stays one, its segments <mrk mtype="seg">,
      // when its targets share one state (1.2 has one per trans-unit).
      if (group.segs.length > 1 && sameStatus(group.segs, options, statuses)) {
        parts.push(segmentedUnit(group.segs, group.shapes, unitId(group.id), options, statuses));
        continue;
      }
      group.segs.forEach((seg, k) => {
        const shape = group.shapes[k];
        // A unit read whole keeps its id; a segment of a split unit keeps its own.
        const wanted = shape && shape.count === 1 ? shape.unit : seg.id;
        parts.push(transUnit(seg, unitId(wanted), options, statuses, shape));
      });
    }
    parts.push("    </body>", "  </file>");
  }
  // <xliff> needs at least one <file>: refuse rather than invent content.
  if (parts.length === 2)
    throw new AppError("xliff.nothing-to-export", {
      languages: options.targetLang,
      sources: [...new Set(bundle.documents.map((d) => d.sourceLang))].join(", ") || "-",
    });
  parts.push("</xliff>", "");
  return parts.join("\n");
}
