import type { BundleDocument } from "../model/bundle.ts";
import type { TargetLang } from "../model/languages.ts";
import { targetLangsFor } from "../model/languages.ts";
import { checkConsistency } from "./consistency.ts";
import { checkCrossTarget } from "./cross-target.ts";
import { findingFingerprint } from "./dismissals.ts";
import { typicalRatio } from "./checks/length-ratio.ts";
import { CELL_CHECKS } from "./registry.ts";
import type { QaSettings } from "./settings.ts";
import { applySettings, DEFAULT_QA_SETTINGS } from "./settings.ts";
import type { CheckId, QaFinding } from "./types.ts";
import type { Glossary } from "../glossary/model.ts";
import { compileQaGlossary, type QaGlossary } from "./glossary-checks.ts";

/** One finding placed: document, segment (row index and id) and target language. */
export interface PlacedFinding {
  documentId: string;
  segmentId: string;
  row: number;
  lang: TargetLang;
  finding: QaFinding;
  fingerprint: string;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Compiled glossaries by glossary object and source language: a run per row compiles once. */
const compiledGlossaries = new WeakMap<Glossary, Map<string, QaGlossary>>();

function compiledGlossary(glossary: Glossary, sourceLang: string): QaGlossary {
  let byLang = compiledGlossaries.get(glossary);
  if (!byLang) compiledGlossaries.set(glossary, (byLang = new Map()));
  let compiled = byLang.get(sourceLang);
  if (!compiled) byLang.set(sourceLang, (compiled = compileQaGlossary(glossary, sourceLang)));
  return compiled;
}

export interface RunQaOptions {
  settings?: QaSettings;
  /** Only these checks (the command line's --checks). */
  checks?: readonly CheckId[];
  /**
   * The project glossary, for the forbidden-term and term-used checks (compiled once per glossary
   * object and source language, kept while the object lives: pass the same object again).
   */
  glossary?: Glossary;
}

/**
 * Whether a cross-target finding on the same value says better what a per-cell finding says ("64 is
 * in the source and the vi target, not here" over "64 is missing"); the cross finding then takes
 * the per-cell one's highlight.
 */
function explained(f: QaFinding, cross: QaFinding[]): boolean {
  if (f.check !== "numbers" && f.check !== "urls" && f.check !== "inline-codes") return false;
  if (f.code.endsWith(".extra")) return false;
  const value = f.params["value"] ?? f.params["source"] ?? f.params["text"] ?? f.params["code"];
  const c = cross.find((x) => x.params["value"] === value);
  if (!c) return false;
  if (f.range && !c.range) c.range = f.range;
  if (f.sourceRange && !c.sourceRange) c.sourceRange = f.sourceRange;
  return true;
}

/**
 * All checks over documents (rows of one target per segment: aligned documents are grouped into
 * units first, core/align-edit groupBundle). Findings come sorted by document, row, language and severity (errors first).
 */
export function runQa(
  documents: readonly BundleDocument[],
  options: RunQaOptions = {},
): PlacedFinding[] {
  const only = options.checks ? new Set(options.checks) : null;
  const off = new Set(options.settings?.disabled ?? []);
  const wants = (id: CheckId) => (only === null || only.has(id)) && !off.has(id);
  const out: PlacedFinding[] = [];
  const place = (doc: BundleDocument, row: number, lang: TargetLang, finding: QaFinding) => {
    const seg = doc.segments[row]!;
    out.push({
      documentId: doc.id,
      segmentId: seg.id,
      row,
      lang,
      finding,
      fingerprint: findingFingerprint(finding, seg.source, seg.targets[lang]?.text ?? ""),
    });
  };
  const glossaryFor = (sourceLang: string): QaGlossary | undefined => {
    const g = options.glossary;
    return g && g.concepts.length > 0 ? compiledGlossary(g, sourceLang) : undefined;
  };
  for (const doc of documents) {
    const langs = targetLangsFor(doc.sourceLang);
    const glossary = glossaryFor(doc.sourceLang);
    // A column nobody has started is not "behind": progress is listed for columns in use.
    const used = new Set(
      langs.filter((l) => doc.segments.some((s) => (s.targets[l]?.text.trim() ?? "") !== "")),
    );
    const ratios = new Map(
      langs.map((lang) => [
        lang,
        typicalRatio(
          doc.segments.map((s) => ({ source: s.source, target: s.targets[lang]?.text ?? "" })),
        ),
      ]),
    );
    doc.segments.forEach((seg, row) => {
      const cross = wants("cross-target")
        ? checkCrossTarget({ source: seg.source, sourceLang: doc.sourceLang, targets: seg.targets })
        : [];
      for (const lang of langs) {
        const target = seg.targets[lang];
        if (!target) continue;
        const input = {
          source: seg.source,
          target: target.text,
          sourceLang: doc.sourceLang,
          lang,
          status: target.status,
        };
        const ratio = ratios.get(lang);
        const context = {
          ...(ratio === undefined ? {} : { typicalRatio: ratio }),
          ...(glossary ? { glossary } : {}),
        };
        const crossHere = cross.filter((c) => c.lang === lang).map((c) => ({ ...c.finding }));
        for (const check of CELL_CHECKS) {
          if (!wants(check.id)) continue;
          if (check.id !== "empty" && target.text.trim() === "") continue;
          for (const f of check.run(input, context))
            if (!explained(f, crossHere)) place(doc, row, lang, f);
        }
        for (const f of crossHere) place(doc, row, lang, f);
      }
      for (const c of cross)
        if (!seg.targets[c.lang] && used.has(c.lang)) place(doc, row, c.lang, c.finding);
    });
  }
  if (wants("consistency")) {
    const index = new Map<string, { doc: BundleDocument; row: number }>();
    const units = documents.flatMap((doc) =>
      doc.segments.map((seg, row) => {
        const key = `${doc.id}\u0001${row}`;
        index.set(key, { doc, row });
        const targets: Partial<Record<TargetLang, string>> = {};
        for (const lang of targetLangsFor(doc.sourceLang)) {
          const t = seg.targets[lang];
          if (t) targets[lang] = t.text;
        }
        return { key, source: seg.source, targets };
      }),
    );
    for (const k of checkConsistency(units, ["vi", "en"])) {
      const at = index.get(k.key)!;
      place(at.doc, at.row, k.lang, k.finding);
    }
  }
  const docOrder = new Map(documents.map((d, i) => [d.id, i]));
  out.sort(
    (a, b) =>
      docOrder.get(a.documentId)! - docOrder.get(b.documentId)! ||
      a.row - b.row ||
      a.lang.localeCompare(b.lang) ||
      RANK[a.finding.severity] - RANK[b.finding.severity],
  );
  return applySettings(out, options.settings ?? DEFAULT_QA_SETTINGS);
}
