import { AppError } from "../../model/app-error.ts";
import type { Bundle, BundleSegment } from "../../model/bundle.ts";
import type { Status } from "../../model/status.ts";
import type { XliffWriteOptions } from "./xliff-common.ts";
import { documentsWithSegments, inlineContent, makeIdMapper } from "./xliff-common.ts";
import { xmlAttr as attr, xmlText as text } from "../xml/escape-xml.ts";

/** Selaras status → XLIFF 2.0 segment state; subState keeps the exact status. */
const STATE: Record<Status, string> = {
  empty: "initial",
  draft: "initial",
  translated: "translated",
  approved: "final",
  rejected: "initial",
};

function unit(
  seg: BundleSegment,
  unitId: string,
  options: XliffWriteOptions,
  statuses: Set<Status> | null,
): string {
  const codes = new Map<string, { id: string; native: string }>();
  const code = (native: string, key: string) => {
    let entry = codes.get(key);
    if (!entry) {
      entry = { id: String(codes.size + 1), native };
      codes.set(key, entry);
    }
    return `<ph id="c${entry.id}" dataRef="d${entry.id}"${attr("disp", native)}/>`;
  };
  const source = inlineContent(seg.source, code);
  const t = seg.targets[options.targetLang];
  const hasTarget = t !== undefined && t.text !== "" && (!statuses || statuses.has(t.status));
  const target = hasTarget ? inlineContent(t.text, code) : "";
  const lines = [`    <unit id="${unitId}">`];
  if (codes.size > 0) {
    lines.push("      <originalData>");
    for (const { id, native } of codes.values())
      lines.push(`        <data id="d${id}">${text(native)}</data>`);
    lines.push("      </originalData>");
  }
  const state = hasTarget ? ` state="${STATE[t.status]}" subState="selaras:${t.status}"` : "";
  lines.push(`      <segment${state}>`, `        <source xml:space="preserve">${source}</source>`);
  if (hasTarget) lines.push(`        <target xml:space="preserve">${target}</target>`);
  lines.push("      </segment>", "    </unit>");
  return lines.join("\n");
}

/**
 * XLIFF 2.0 core (valid against xliff_core_2.0.xsd) for one target language: one `<file>` per
 * document, one `<unit>` per segment. Inline-code placeholders become `<ph dataRef>` with the
 * native code in `<originalData>`. Text is normalized as for TMX (normalizeForXml). Only documents
 * whose source language is that of the first document are written (a file has one srcLang).
 * Throws AppError xliff.nothing-to-export when no document has segments.
 */
export function writeXliff2(bundle: Bundle, options: XliffWriteOptions): string {
  const statuses = options.statuses ? new Set(options.statuses) : null;
  const docs = documentsWithSegments(bundle.documents);
  const srcLang = docs[0]?.sourceLang ?? "id";
  const fileId = makeIdMapper("f");
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${srcLang}" trgLang="${options.targetLang}">`,
  ];
  for (const doc of docs) {
    if (doc.sourceLang !== srcLang || doc.sourceLang === options.targetLang) continue;
    const unitId = makeIdMapper("u");
    parts.push(`  <file id="${fileId(doc.id)}"${attr("original", doc.title)}>`);
    for (const seg of doc.segments) parts.push(unit(seg, unitId(seg.id), options, statuses));
    parts.push("  </file>");
  }
  // A 2.0 <file> needs at least one <unit>: refuse rather than invent content.
  if (!parts.some((p) => p.startsWith("  <file"))) throw new AppError("xliff.nothing-to-export");
  parts.push("</xliff>", "");
  return parts.join("\n");
}
