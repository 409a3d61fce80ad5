import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleSegment } from "../../model/bundle.ts";
import type { Status } from "../../model/status.ts";
import type { XliffWriteOptions } from "./xliff-common.ts";
import { documentsWithSegments, groupUnits, makeIdMapper } from "./xliff-common.ts";
import { scEcEnds, UnitIds, writeInline2 } from "./xliff-inline-write.ts";
import type { XliffSegmentShape } from "./xliff-structure.ts";
import { xmlAttr as attr, xmlText as text } from "../xml/escape-xml.ts";
import { encodeCommentNote } from "../comment-note.ts";
import type { XmlElement } from "../xml/parse-xml.ts";
import { isElement, parseXml } from "../xml/parse-xml.ts";
import { serializeElement } from "./xliff-inline.ts";

/** Selaras status → XLIFF 2.0 segment state; subState keeps the exact status. */
const STATE: Record<Status, string> = {
  empty: "initial",
  draft: "initial",
  translated: "translated",
  approved: "final",
  rejected: "initial",
};

function parseMarkup(markup: string): XmlElement | undefined {
  let el: XmlElement | undefined;
  parseXml(
    markup,
    { onClose: (e, depth) => void (depth === 0 && (el = e)) },
    { codePrefix: "xliff" },
  );
  return el;
}

/** An `<ignorable>`'s markup without its `<target>` (and the indentation before it). */
function withoutTarget(markup: string): string {
  if (!markup.includes("<target")) return markup;
  const el = parseMarkup(markup);
  if (!el) return markup;
  const children = el.children.filter(
    (c, k) =>
      !(isElement(c) && c.name === "target") &&
      !(
        typeof c === "string" &&
        c.trim() === "" &&
        isElement(el!.children[k + 1]) &&
        (el!.children[k + 1] as XmlElement).name === "target"
      ),
  );
  return serializeElement({ ...el, children });
}

/** Markup whose `dataRef`/`dataRefStart`/`dataRefEnd` ids are renamed (old → new). */
function renameDataRefs(markup: string, renamed: ReadonlyMap<string, string>): string {
  const el = parseMarkup(markup);
  if (!el) return markup;
  const rename = (e: XmlElement): XmlElement => {
    const attrs = { ...e.attrs };
    for (const name of ["dataRef", "dataRefStart", "dataRefEnd"]) {
      const id = attrs[name];
      if (id !== undefined && renamed.has(id)) attrs[name] = renamed.get(id)!;
    }
    return { ...e, attrs, children: e.children.map((c) => (isElement(c) ? rename(c) : c)) };
  };
  return serializeElement(rename(el));
}

/**
 * One `<unit>`: the segments of a unit as read (their shapes), or one segment alone. Codes read
 * from XLIFF 2.0 are written back as they came, others as `<sc>/<ec>` or `<ph>` with their native
 * code in `<originalData>`.
 */
function unit(
  segs: readonly BundleSegment[],
  shapes: readonly (XliffSegmentShape | undefined)[],
  unitId: string,
  options: XliffWriteOptions,
  statuses: Set<Status> | null,
): string {
  const lang = options.targetLang;
  const targetOf = (seg: BundleSegment) => {
    const t = seg.targets[lang];
    return t !== undefined && t.text !== "" && (!statuses || statuses.has(t.status)) ? t : null;
  };
  const targets = segs.map(targetOf);
  const ids = new UnitIds([
    ...segs.map((s) => s.source),
    ...targets.flatMap((t) => (t ? [t.text] : [])),
  ]);
  const sourceEnds = scEcEnds(segs.map((s) => s.source));
  const targetEnds = scEcEnds(targets.map((t) => t?.text ?? ""));
  const body: string[] = [];
  segs.forEach((seg, k) => {
    const shape = shapes[k];
    // The data the ignorables' codes refer to goes into <originalData> (its id as it came when
    // free); an ignorable's <target> is in the language the file was read in: not written into
    // another.
    const renamed = new Map<string, string>();
    for (const [id, content] of Object.entries(shape?.data ?? {})) {
      const got = ids.dataId(content, id);
      if (got !== id) renamed.set(id, got);
    }
    const ignorable = (markup: string) => {
      const own = shape?.targetLang === lang ? markup : withoutTarget(markup);
      return `      ${renamed.size > 0 ? renameDataRefs(own, renamed) : own}`;
    };
    for (const markup of shape?.before ?? []) body.push(ignorable(markup));
    const t = targets[k];
    const source = writeInline2(seg.source, ids, sourceEnds);
    const target = t ? writeInline2(t.text, ids, targetEnds) : "";
    const segId = shape?.segment !== undefined ? attr("id", shape.segment) : "";
    const state = t ? ` state="${STATE[t.status]}" subState="selaras:${t.status}"` : "";
    body.push(
      `      <segment${segId}${state}>`,
      `        <source xml:space="preserve">${source}</source>`,
    );
    if (t) body.push(`        <target xml:space="preserve">${target}</target>`);
    body.push("      </segment>");
    for (const markup of shape?.after ?? []) body.push(ignorable(markup));
  });
  const translate = shapes.some((s) => s?.translate === "no") ? ' translate="no"' : "";
  const lines = [`    <unit id="${unitId}"${translate}>`];
  const comments = segs.flatMap((s) => s.comments?.[lang] ?? []);
  if (comments.length > 0) {
    // Comments as notes Selaras reads back (the header names author, date and state).
    lines.push("      <notes>");
    for (const c of comments)
      lines.push(
        `        <note category="selaras-comment" appliesTo="target">${text(encodeCommentNote(c))}</note>`,
      );
    lines.push("      </notes>");
  }
  if (ids.data.size > 0) {
    lines.push("      <originalData>");
    for (const [id, native] of ids.data)
      lines.push(`        <data${attr("id", id)}>${text(native)}</data>`);
    lines.push("      </originalData>");
  }
  lines.push(...body, "    </unit>");
  return lines.join("\n");
}

/**
 * XLIFF 2.0 core (valid against xliff_core_2.0.xsd) for one target language: one `<file>` per
 * document, one `<unit>` per segment. Inline-code placeholders become `<ph dataRef>` with the
 * native code in `<originalData>`. Text is normalized as for TMX (normalizeForXml). Only documents
 * whose source language is `options.sourceLang` (default: the first document's) are written: a
 * file has one srcLang (writeXliffFiles writes one file per source language).
 * Throws AppError xliff.nothing-to-export when no document has segments.
 */
export function writeXliff2(bundle: Bundle, options: XliffWriteOptions): string {
  const statuses = options.statuses ? new Set(options.statuses) : null;
  const docs = documentsWithSegments(bundle.documents);
  const srcLang = options.sourceLang ?? docs[0]?.sourceLang ?? "id";
  const fileId = makeIdMapper("f");
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${srcLang}" trgLang="${options.targetLang}">`,
  ];
  for (const doc of docs) {
    if (doc.sourceLang !== srcLang || doc.sourceLang === options.targetLang) continue;
    const unitId = makeIdMapper("u");
    parts.push(`  <file id="${fileId(doc.id)}"${attr("original", doc.title)}>`);
    for (const group of groupUnits(doc.segments, options.structure?.get(doc.id)))
      parts.push(unit(group.segs, group.shapes, unitId(group.id), options, statuses));
    parts.push("  </file>");
  }
  // A 2.0 <file> needs at least one <unit>: refuse rather than invent content.
  if (!parts.some((p) => p.startsWith("  <file")))
    throw new AppError("xliff.nothing-to-export", {
      languages: options.targetLang,
      sources: [...new Set(bundle.documents.map((d) => d.sourceLang))].join(", ") || "-",
    });
  parts.push("</xliff>", "");
  return parts.join("\n");
}
