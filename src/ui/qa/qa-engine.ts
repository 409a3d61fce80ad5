import type { BundleDocument } from "../../core/model/bundle.ts";
import type { Lang, TargetLang } from "../../core/model/languages.ts";
import { targetLangsFor } from "../../core/model/languages.ts";
import type { Status } from "../../core/model/status.ts";
import { checkLengthRatio, typicalRatio } from "../../core/qa/checks/length-ratio.ts";
import { checkConsistency } from "../../core/qa/consistency.ts";
import { findingFingerprint } from "../../core/qa/dismissals.ts";
import { runQa, type PlacedFinding } from "../../core/qa/run-qa.ts";
import { applySettings, DEFAULT_QA_SETTINGS, type QaSettings } from "../../core/qa/settings.ts";
import { CHECK_IDS, type CheckId, type Severity } from "../../core/qa/types.ts";
import type { Glossary } from "../../core/glossary/model.ts";

/** One grid row as QA sees it: the source and the cell that starts in the row, per language. */
export interface QaUnit {
  /** The row's segment id. */
  id: string;
  source: string;
  targets: Partial<Record<TargetLang, QaTarget>>;
}

export interface QaTarget {
  text: string;
  status: Status;
  /** The sources of every row the cell covers, when it covers more than one (a 2-1 link). */
  source?: string;
}

/** The changes since the last request: the rows in order, and the units that are new or changed. */
export interface QaUpdate {
  docId: string;
  sourceLang: Lang;
  order: readonly string[];
  changed: readonly QaUnit[];
  settings?: QaSettings;
  /** The project glossary, sent when it changed (null: none); every row is checked again. */
  glossary?: Glossary | null;
}

export interface QaResult {
  findings: PlacedFinding[];
  /** Typical target/source length ratio per language (for live checks of a cell being typed). */
  ratios: Partial<Record<TargetLang, number>>;
  /** Languages with any text in the document (cross-target progress is listed for them). */
  used: TargetLang[];
}

/** Checks run per unit (and cached): everything but length (document median) and consistency. */
const UNIT_CHECKS: readonly CheckId[] = CHECK_IDS.filter(
  (c) => c !== "length-ratio" && c !== "consistency",
);
const WITHOUT_CROSS = UNIT_CHECKS.filter((c) => c !== "cross-target");

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A string that changes when anything QA reads of a unit changes. */
export function unitKey(unit: QaUnit): string {
  let key = unit.source;
  for (const lang of ["vi", "en"] as const) {
    const t = unit.targets[lang];
    key += t ? `\u0001${lang}\u0002${t.status}\u0002${t.text}\u0002${t.source ?? ""}` : "";
  }
  return key;
}

/**
 * The per-unit findings (every check but length and consistency) of one row, as `runQa` finds
 * them over the whole document: a column in use but with no cell here counts as an empty target.
 * A cell covering several rows is checked against their joined sources, without the cross check.
 */
export function unitFindings(
  docId: string,
  sourceLang: Lang,
  unit: QaUnit,
  used: ReadonlySet<TargetLang>,
  row: number,
  glossary: Glossary | null = null,
): PlacedFinding[] {
  const langs = targetLangsFor(sourceLang);
  const spanned = langs.some((l) => unit.targets[l]?.source !== undefined);
  const run = (source: string, only: readonly TargetLang[], checks: readonly CheckId[]) => {
    const targets: BundleDocument["segments"][number]["targets"] = {};
    for (const lang of only) {
      const t = unit.targets[lang];
      if (t) targets[lang] = { text: t.text, status: t.status };
      else if (used.has(lang)) targets[lang] = { text: "", status: "empty" };
    }
    const doc: BundleDocument = {
      id: docId,
      title: "",
      sourceLang,
      segments: [{ id: unit.id, paragraph: 0, source, targets }],
    };
    return runQa([doc], { checks, ...(glossary ? { glossary } : {}) }).map((f) => ({ ...f, row }));
  };
  if (!spanned) return run(unit.source, langs, UNIT_CHECKS);
  return langs.flatMap((lang) =>
    run(unit.targets[lang]?.source ?? unit.source, [lang], WITHOUT_CROSS),
  );
}

/** The length finding of one target against the document's typical ratio. */
export function lengthFindings(
  docId: string,
  sourceLang: Lang,
  unit: QaUnit,
  lang: TargetLang,
  ratio: number | undefined,
  row: number,
): PlacedFinding[] {
  const t = unit.targets[lang];
  if (!t || t.text.trim() === "") return [];
  const source = t.source ?? unit.source;
  return checkLengthRatio(
    { source, target: t.text, sourceLang, lang, status: t.status },
    ratio === undefined ? {} : { typicalRatio: ratio },
  ).map((finding) => ({
    documentId: docId,
    segmentId: unit.id,
    row,
    lang,
    finding,
    fingerprint: findingFingerprint(finding, source, t.text),
  }));
}

/** Sorted by row, then column (as the grid shows them), then severity (errors first). */
export function sortFindings(findings: PlacedFinding[], langs: readonly TargetLang[]): void {
  findings.sort(
    (a, b) =>
      a.row - b.row ||
      langs.indexOf(a.lang) - langs.indexOf(b.lang) ||
      RANK[a.finding.severity] - RANK[b.finding.severity],
  );
}

/**
 * QA of one document, kept between runs: units come as changes, and only changed units (or all,
 * when the set of columns in use changes) are checked again. Consistency and length are
 * document-wide and cheap to redo. Runs in the QA worker, or on the main thread without workers.
 */
export class QaEngine {
  private docId = "";
  private sourceLang: Lang = "id";
  private order: readonly string[] = [];
  private units = new Map<string, QaUnit>();
  private cache = new Map<string, { key: string; findings: PlacedFinding[] }>();
  private usedKey = "";
  private consistency: { version: number; findings: PlacedFinding[] } | null = null;
  private version = 0;
  private settings: QaSettings = DEFAULT_QA_SETTINGS;
  private glossary: Glossary | null = null;

  update(update: QaUpdate): void {
    if (update.glossary !== undefined) {
      this.glossary = update.glossary;
      this.cache.clear();
    }
    if (update.docId !== this.docId || update.sourceLang !== this.sourceLang) {
      this.units.clear();
      this.cache.clear();
      this.consistency = null;
    }
    this.docId = update.docId;
    this.sourceLang = update.sourceLang;
    if (update.settings) this.settings = update.settings;
    if (update.order !== this.order) {
      this.order = update.order;
      const keep = new Set(update.order);
      for (const id of this.units.keys()) if (!keep.has(id)) this.units.delete(id);
    }
    for (const u of update.changed) this.units.set(u.id, u);
    this.version++;
  }

  /** How many units the next run checks again (to decide whether to report progress). */
  pending(): number {
    let n = 0;
    for (const id of this.order) {
      const u = this.units.get(id);
      if (u && this.cache.get(id)?.key !== unitKey(u)) n++;
    }
    return n;
  }

  /**
   * Runs the checks. `onPartial` receives the findings so far every `every` units checked
   * (for a first run over a large document, so markers appear before the end).
   */
  run(onPartial?: (result: QaResult, done: number) => void, every = 500): QaResult {
    const langs = targetLangsFor(this.sourceLang);
    const units = this.order.flatMap((id) => this.units.get(id) ?? []);
    const used = langs.filter((l) => units.some((u) => (u.targets[l]?.text.trim() ?? "") !== ""));
    const usedSet = new Set(used);
    const usedKey = used.join(",");
    if (usedKey !== this.usedKey) {
      this.cache.clear();
      this.usedKey = usedKey;
    }
    const ratios: Partial<Record<TargetLang, number>> = {};
    for (const lang of langs) {
      const r = typicalRatio(
        units.map((u) => ({
          source: u.targets[lang]?.source ?? u.source,
          target: u.targets[lang]?.text ?? "",
        })),
      );
      if (r !== undefined) ratios[lang] = r;
    }
    const collect = (upTo: number): PlacedFinding[] => {
      const out: PlacedFinding[] = [];
      units.forEach((u, row) => {
        if (row >= upTo) return;
        for (const f of this.cache.get(u.id)?.findings ?? []) out.push({ ...f, row });
        for (const lang of langs)
          out.push(...lengthFindings(this.docId, this.sourceLang, u, lang, ratios[lang], row));
      });
      return out;
    };
    let checked = 0;
    units.forEach((u, row) => {
      const key = unitKey(u);
      if (this.cache.get(u.id)?.key === key) return;
      this.cache.set(u.id, {
        key,
        findings: unitFindings(this.docId, this.sourceLang, u, usedSet, row, this.glossary),
      });
      checked++;
      if (onPartial && checked % every === 0) {
        const partial = collect(row + 1);
        sortFindings(partial, langs);
        onPartial({ findings: this.finish(partial), ratios, used }, row + 1);
      }
    });
    const findings = collect(units.length);
    if (this.consistency?.version !== this.version) {
      this.consistency = { version: this.version, findings: this.consistencyFindings(units) };
    }
    const rowOf = new Map(units.map((u, i) => [u.id, i]));
    for (const f of this.consistency.findings) {
      const row = rowOf.get(f.segmentId);
      if (row !== undefined) findings.push({ ...f, row });
    }
    sortFindings(findings, langs);
    return { findings: this.finish(findings), ratios, used };
  }

  private finish(findings: PlacedFinding[]): PlacedFinding[] {
    return applySettings(findings, this.settings);
  }

  private consistencyFindings(units: readonly QaUnit[]): PlacedFinding[] {
    const byId = new Map(units.map((u) => [u.id, u]));
    const input = units.map((u) => {
      const targets: Partial<Record<TargetLang, string>> = {};
      for (const lang of ["vi", "en"] as const) {
        const t = u.targets[lang];
        if (t && t.source === undefined) targets[lang] = t.text;
      }
      return { key: u.id, source: u.source, targets };
    });
    return checkConsistency(input, ["vi", "en"]).map((k) => {
      const u = byId.get(k.key)!;
      return {
        documentId: this.docId,
        segmentId: k.key,
        row: 0,
        lang: k.lang,
        finding: k.finding,
        fingerprint: findingFingerprint(k.finding, u.source, u.targets[k.lang]?.text ?? ""),
      };
    });
  }
}

/** The findings of one cell (key `${segmentId}:${lang}`), replacing what was sent before. */
export type QaPatch = [key: string, findings: PlacedFinding[]];

/**
 * What changed since the last result, cell by cell: the page receives only the cells whose
 * findings changed (an edit moves a few; a first run or a re-numbering moves many).
 */
export class FindingsDiffer {
  private sigs = new Map<string, string>();

  diff(findings: readonly PlacedFinding[]): QaPatch[] {
    const by = new Map<string, PlacedFinding[]>();
    for (const f of findings) {
      const key = `${f.segmentId}:${f.lang}`;
      let list = by.get(key);
      if (!list) by.set(key, (list = []));
      list.push(f);
    }
    const patches: QaPatch[] = [];
    const sigs = new Map<string, string>();
    for (const [key, list] of by) {
      const sig = list
        .map(
          (f) =>
            `${f.row}\u0001${f.finding.severity}\u0001${f.fingerprint}\u0001${JSON.stringify(f.finding.params)}`,
        )
        .join("\u0002");
      sigs.set(key, sig);
      if (this.sigs.get(key) !== sig) patches.push([key, list]);
    }
    for (const key of this.sigs.keys()) if (!sigs.has(key)) patches.push([key, []]);
    this.sigs = sigs;
    return patches;
  }
}

/** Whether two units read the same to QA (no strings built: compared field by field). */
export function sameUnit(a: QaUnit, b: QaUnit): boolean {
  if (a.source !== b.source) return false;
  for (const lang of ["vi", "en"] as const) {
    const x = a.targets[lang];
    const y = b.targets[lang];
    if (x === y) continue;
    if (!x || !y || x.text !== y.text || x.status !== y.status || x.source !== y.source)
      return false;
  }
  return true;
}
