import { useEffect, useState } from "react";
import type { Lang, TargetLang } from "../../core/model/languages.ts";
import {
  translationId,
  type SegmentRecord,
  type TranslationRecord,
} from "../../core/model/records.ts";
import type { RowView } from "../../core/align-edit/row-view.ts";
import type { QaTarget, QaUnit } from "./qa-engine.ts";
import { QaStore, type QaRows } from "./qa-store.ts";
import { useQaDismissals, useQaSettings } from "../../db/qa-hooks.ts";
import { useQaGlossary } from "../glossary/use-qa-glossary.ts";

/** The grid's rows as QA units: each row's source and the cells that start in it. */
export function qaRows(
  segments: readonly SegmentRecord[],
  view: RowView<TranslationRecord>,
  langs: readonly TargetLang[],
): QaRows {
  const at = (i: number): QaUnit => {
    const s = segments[i]!;
    const targets: QaUnit["targets"] = {};
    for (const lang of langs) {
      const cell = view.starts.get(translationId(s.id, lang));
      if (!cell) continue;
      const target: QaTarget = { text: cell.text, status: cell.status };
      if (cell.span > 1)
        target.source = segments
          .slice(i, i + cell.span)
          .map((r) => r.source)
          .join(" ");
      targets[lang] = target;
    }
    return { id: s.id, source: s.source, targets };
  };
  return { length: segments.length, at };
}

const spawnQaWorker = () =>
  new Worker(new URL("./qa-worker.ts", import.meta.url), { type: "module" });

/**
 * The document's QA store: its rows are sent to the QA worker whenever the stored data changes
 * (debounced); the store lives as long as the document is open.
 */
export function useDocumentQa(
  docId: string,
  sourceLang: Lang | undefined,
  langs: readonly TargetLang[],
  segments: readonly SegmentRecord[] | undefined,
  view: RowView<TranslationRecord> | undefined,
  complete: boolean,
): QaStore | null {
  const [store, setStore] = useState<QaStore | null>(null);
  useEffect(() => {
    if (!sourceLang) return;
    const next = new QaStore({ docId, sourceLang, langs, spawn: spawnQaWorker });
    setStore(next);
    return () => {
      next.dispose();
      setStore(null);
    };
  }, [docId, sourceLang, langs]);
  // The project's check settings and the document's dismissals, as stored (live).
  const settings = useQaSettings();
  const dismissals = useQaDismissals(docId);
  useEffect(() => {
    if (store && settings)
      store.setSettings({ disabled: settings.disabled, severity: settings.severity });
  }, [store, settings]);
  useEffect(() => {
    if (store && dismissals) store.setDismissals(dismissals);
  }, [store, dismissals]);
  // The project glossary, for the forbidden-term and unused-term checks.
  const glossary = useQaGlossary();
  useEffect(() => {
    if (store && glossary !== undefined) store.setGlossary(glossary);
  }, [store, glossary]);
  useEffect(() => {
    // A large document arrives in parts: checked once all its rows are there.
    if (!store || !segments || !view || !complete) return;
    store.setUnits(qaRows(segments, view, langs));
  }, [store, segments, view, langs, complete]);
  return store;
}
