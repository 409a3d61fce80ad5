import type { Bundle, BundleDocument, BundleSegment, BundleTarget } from "../../model/bundle.ts";
import type { TargetLang } from "../../model/languages.ts";
import { SOURCE_LANG, TARGET_LANGS } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import { escapeXmlAttr, escapeXmlText } from "../xml/escape-xml.ts";
import { normalizeForXml } from "../xml/xml-chars.ts";
import { formatTmxDate } from "./tmx-date.ts";
import { TMX_O_TMF, TMX_PROPS } from "./tmx-props.ts";

export interface TmxWriteOptions {
  creationTool: string;
  creationToolVersion: string;
  /** Header creationdate, written as YYYYMMDDThhmmssZ. */
  creationDate: Date;
  /** Target languages to include, in this order (default: all). */
  languages?: readonly TargetLang[];
  /** Only targets with these statuses (default: every target with text). */
  statuses?: readonly Status[];
}

/** Text as written: forbidden characters stripped, NFC, escaped. */
function text(value: string): string {
  return escapeXmlText(normalizeForXml(value));
}

function attr(name: string, value: string): string {
  return ` ${name}="${escapeXmlAttr(normalizeForXml(value))}"`;
}

function dateAttr(name: string, value: Date | string | undefined): string {
  const formatted = value === undefined ? undefined : formatTmxDate(value);
  return formatted === undefined ? "" : ` ${name}="${formatted}"`;
}

function prop(type: string, value: string): string {
  return `<prop type="${type}">${text(value)}</prop>`;
}

function headerSrcLang(bundle: Bundle): string {
  const langs = new Set(bundle.documents.map((d) => d.sourceLang));
  if (langs.size === 0) return SOURCE_LANG;
  if (langs.size === 1) return [...langs][0]!;
  return "*all*";
}

function targetTuv(lang: TargetLang, target: BundleTarget): string {
  const attrs =
    dateAttr("creationdate", target.createdAt) +
    (target.createdBy ? attr("creationid", target.createdBy) : "") +
    dateAttr("changedate", target.changedAt) +
    (target.changedBy ? attr("changeid", target.changedBy) : "");
  return (
    `    <tuv xml:lang="${lang}"${attrs}>\n` +
    `      ${prop(TMX_PROPS.status, target.status)}\n` +
    `      <seg>${text(target.text)}</seg>\n` +
    `    </tuv>`
  );
}

function writeTu(
  doc: BundleDocument,
  seg: BundleSegment,
  languages: readonly TargetLang[],
  statuses: ReadonlySet<Status> | null,
  mixedSources: boolean,
): string {
  const lines = [
    `  <tu${attr("tuid", seg.id)}${mixedSources ? attr("srclang", doc.sourceLang) : ""}>`,
    `    ${prop(TMX_PROPS.documentId, doc.id)}`,
    `    ${prop(TMX_PROPS.document, doc.title)}`,
    `    ${prop(TMX_PROPS.paragraph, String(seg.paragraph))}`,
    `    <tuv xml:lang="${doc.sourceLang}"><seg>${text(seg.source)}</seg></tuv>`,
  ];
  for (const lang of languages) {
    if (lang === doc.sourceLang) continue;
    const target = seg.targets[lang];
    if (!target || normalizeForXml(target.text) === "") continue;
    if (statuses && !statuses.has(target.status)) continue;
    lines.push(targetTuv(lang, target));
  }
  lines.push("  </tu>");
  return lines.join("\n");
}

/**
 * Writes a TMX 1.4b file (valid against the official DTD): one `<tu tuid>` per source segment with
 * the source `<tuv>` first, then one `<tuv>` per non-empty target. Forbidden XML characters are
 * stripped (see findXmlUnsafeText for the list), text is NFC-normalized, CR is kept as `&#13;`.
 */
export function writeTmx(bundle: Bundle, options: TmxWriteOptions): string {
  const languages = options.languages ?? TARGET_LANGS;
  const statuses = options.statuses ? new Set(options.statuses) : null;
  const srclang = headerSrcLang(bundle);
  const mixed = srclang === "*all*";
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    "<header" +
      attr("creationtool", options.creationTool) +
      attr("creationtoolversion", options.creationToolVersion) +
      ' segtype="sentence"' +
      attr("o-tmf", TMX_O_TMF) +
      ' adminlang="en"' +
      attr("srclang", srclang) +
      ' datatype="plaintext"' +
      dateAttr("creationdate", options.creationDate) +
      "/>",
    "<body>",
  ];
  for (const doc of bundle.documents) {
    for (const seg of doc.segments) parts.push(writeTu(doc, seg, languages, statuses, mixed));
  }
  parts.push("</body>", "</tmx>", "");
  return parts.join("\n");
}
