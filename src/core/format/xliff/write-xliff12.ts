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

/** Whether a segment has content outside it in the unit (2.0 ignorables, 1.x text outside marks). */
function hasOutside(shape: XliffSegmentShape | undefined, options: XliffWriteOptions): boolean {
  if (!shape) return false;
  if (shape.gap || shape.tail) return true;
  return shape.targetLang === options.targetLang && !!(shape.gapTarget || shape.tailTarget);
}

/**
 * One trans-unit for the segments of a unit: `<source>` their texts joined, `<seg-source>` and
 * `<target>` one `<mrk mtype="seg" mid>` each (an empty one for a segment without a target), as
 * SDLXLIFF writes them; readXliff reads them back as these segments. The content outside the
 * segments (2.0 ignorables, before, between and after them; codes as codes) is written outside
 * the marks; on the target side only in the language it was read in.
 */
function segmentedUnit(
  segs: readonly BundleSegment[],
  shapes: readonly (XliffSegmentShape | undefined)[],
  id: string,
  options: XliffWriteOptions,
  statuses: Set<Status> | null,
): string {
  const targets = segs.map((s) => targetOf(s, options, statuses));
  const ownTarget = (sh: XliffSegmentShape | undefined) => sh?.targetLang === options.targetLang;
  const outside = shapes.flatMap((sh) => [
    sh?.gap ?? "",
    sh?.tail ?? "",
    ...(ownTarget(sh) ? [sh?.gapTarget ?? "", sh?.tailTarget ?? ""] : []),
  ]);
  const ids = new UnitIds([
    ...segs.map((s) => s.source),
    ...targets.flatMap((t) => (t ? [t.text] : [])),
    ...outside.filter((o) => o !== ""),
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
  // The content between the segments as read (spaces, ignorables), else one space when none
  // was read; and after the last one.
  const gaps = shapes.map((sh, k) =>
    sh?.gap !== undefined ? writeInline12(sh.gap, ids) : k === 0 || sh ? "" : " ",
  );
  const lastShape = shapes[shapes.length - 1];
  const tail = writeInline12(lastShape?.tail ?? "", ids);
  const lines = [
    `      <trans-unit${attr("id", id)}${approved}${translate} xml:space="preserve">`,
    `        <source>${sources.map((s, k) => gaps[k]! + s).join("")}${tail}</source>`,
    `        <seg-source>${sources.map((s, k) => gaps[k]! + mark(mids[k]!, s)).join("")}${tail}</seg-source>`,
  ];
  if (status !== undefined) {
    const own = (sh: XliffSegmentShape | undefined, value: string | undefined) =>
      ownTarget(sh) ? writeInline12(value ?? "", ids) : "";
    const marks = targets.map(
      (t, k) =>
        own(shapes[k], shapes[k]?.gapTarget) + mark(mids[k]!, t ? writeInline12(t.text, ids) : ""),
    );
    const tailTarget = own(lastShape, lastShape?.tailTarget);
    lines.push(`        <target state="${STATE[status]}">${marks.join("")}${tailTarget}</target>`);
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
        // Content outside the segment (ignorables): kept outside its one <mrk mtype="seg">.
        if (hasOutside(shape, options))
          parts.push(segmentedUnit([seg], [shape], unitId(wanted), options, statuses));
        else parts.push(transUnit(seg, unitId(wanted), options, statuses, shape));
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
