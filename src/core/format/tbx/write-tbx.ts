import type { Glossary, GlossaryTerm } from "../../glossary/model.ts";
import { termsByLang } from "../../glossary/model.ts";
import { xmlAttr, xmlText } from "../xml/escape-xml.ts";
import { SELARAS_EXACT_ONLY, SELARAS_VARIANT } from "./tbx-names.ts";

export interface TbxWriteOptions {
  /** The file's main language (`xml:lang` of the root); default "id". */
  lang?: string;
  /** Put in the header's sourceDesc; default "Selaras". */
  tool?: string;
}

const STATUS_VALUE = {
  preferred: "preferredTerm-admn-sts",
  admitted: "admittedTerm-admn-sts",
  forbidden: "deprecatedTerm-admn-sts",
} as const;

function termSec(term: GlossaryTerm): string {
  let out = `<termSec><term>${xmlText(term.text)}</term>`;
  if (term.partOfSpeech !== undefined)
    out += `<termNote type="partOfSpeech">${xmlText(term.partOfSpeech)}</termNote>`;
  if (term.status !== undefined)
    out += `<termNote type="administrativeStatus">${STATUS_VALUE[term.status]}</termNote>`;
  if (term.exactOnly) out += `<termNote type="${SELARAS_EXACT_ONLY}">true</termNote>`;
  for (const variant of term.variants ?? [])
    out += `<termNote type="${SELARAS_VARIANT}">${xmlText(variant)}</termNote>`;
  if (term.note !== undefined) out += `<note>${xmlText(term.note)}</note>`;
  return `${out}</termSec>`;
}

/**
 * Writes a glossary as TBX-Basic (TBX v3, ISO 30042:2019, DCA style): `conceptEntry` with subject
 * field, definition and note; one `langSec` per language (in the order the concept's terms first
 * use them); one `termSec` per term with part of speech, administrative status (preferred →
 * preferredTerm-admn-sts, admitted → admittedTerm-admn-sts, forbidden → deprecatedTerm-admn-sts),
 * note, and Selaras' exact-only flag and variants (tbx-names.ts). readTbx reads it back identical
 * (for text as cleanText keeps it).
 */
export function writeTbx(glossary: Glossary, options: TbxWriteOptions = {}): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<tbx type="TBX-Basic" style="dca"${xmlAttr("xml:lang", options.lang ?? "id")} xmlns="urn:iso:std:iso:30042:ed-2">\n`,
    `<tbxHeader><fileDesc><sourceDesc><p>${xmlText(options.tool ?? "Selaras")}</p></sourceDesc></fileDesc></tbxHeader>\n`,
    "<text>\n<body>\n",
  ];
  for (const concept of glossary.concepts) {
    let entry = `<conceptEntry${xmlAttr("id", concept.id)}>`;
    if (concept.subject !== undefined)
      entry += `<descrip type="subjectField">${xmlText(concept.subject)}</descrip>`;
    if (concept.definition !== undefined)
      entry += `<descrip type="definition">${xmlText(concept.definition)}</descrip>`;
    if (concept.note !== undefined) entry += `<note>${xmlText(concept.note)}</note>`;
    for (const [lang, terms] of termsByLang(concept)) {
      entry += `\n  <langSec${xmlAttr("xml:lang", lang)}>${terms.map(termSec).join("")}</langSec>`;
    }
    parts.push(`${entry}\n</conceptEntry>\n`);
  }
  parts.push("</body>\n</text>\n</tbx>\n");
  return parts.join("");
}
