import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { loadBundle } from "../../db/operations/bundle.ts";
import { loadExtras } from "../../db/operations/tmx-extras.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import { findLoneSurrogates, findXmlUnsafeText } from "../../core/format/unsafe-text.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import { AppError, type ErrorInfo } from "../../core/model/app-error.ts";
import type { Lang } from "../../core/model/languages.ts";
import { exportFileName } from "../../core/format/download-name.ts";
import { filterBundle } from "../../core/model/filter-bundle.ts";
import { countTmxUnits } from "../../core/format/tmx/write-tmx.ts";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { downloadParts } from "../shared/download.ts";
import {
  buildFiles,
  FORMATS,
  STATUS_CHOICES,
  stamp,
  tmxLanguages,
  type Format,
  type StatusChoice,
} from "./export-files.ts";

type Scope = "document" | "all";
import { useAutosave, useSaveState } from "../app/autosave-context.ts";
import { useExportQa } from "../qa/use-export-qa.tsx";

/** Export one document (docId) or all of them as TMX, JSON, XLIFF 2.0/1.2 or TSV/CSV, as files. */
export function ExportDialog({ onClose, docId }: { onClose: () => void; docId: string | null }) {
  const { t } = useTranslation(["io", "common", "plans"]);
  const db = useDb();
  const autosave = useAutosave();
  // Edits the storage refused (full) are not in the database, so not in the file: say so.
  useSaveState();
  const unsaved = autosave.unsavedCount();
  const [format, setFormat] = useState<Format>("tmx");
  const [scope, setScope] = useState<Scope>(docId ? "document" : "all");
  const [langs, setLangs] = useState<TargetLang[]>([...TARGET_LANGS]);
  const [statusChoice, setStatusChoice] = useState<StatusChoice>("all");
  const [perPair, setPerPair] = useState(false);
  const [bom, setBom] = useState(true);
  const [includeNotes, setIncludeNotes] = useState(true);
  const [includeProps, setIncludeProps] = useState(true);
  const [includeUntranslated, setIncludeUntranslated] = useState(false);
  /** TMX: per file, the languages it holds and its units without a target (issue 13 item 8). */
  const [untranslated, setUntranslated] = useState<{ langs: TargetLang[]; count: number }[] | null>(
    null,
  );

  useEffect(() => {
    setUntranslated(null);
    if (format !== "tmx" || langs.length === 0) return;
    let live = true;
    const ids = scope === "document" && docId ? [docId] : undefined;
    const statuses = STATUS_CHOICES[statusChoice];
    const files = perPair ? langs.map((l) => [l]) : [langs];
    void Promise.all(
      files.map(async (fileLangs) => {
        const bundle = filterBundle(await loadBundle(db, ids, fileLangs), {
          languages: fileLangs,
          ...(statuses ? { statuses } : {}),
        });
        // As the export writes it: with the kept languages without a column (see tmxLanguages).
        const extras = await loadExtras(
          db,
          bundle.documents.map((d) => d.id),
        );
        const { untranslated: count } = countTmxUnits(bundle, {
          ...tmxLanguages(fileLangs),
          extras,
          ...(statuses ? { statuses } : {}),
        });
        return { langs: fileLangs, count };
      }),
    ).then(
      (counts) => live && setUntranslated(counts),
      () => live && setUntranslated(null),
    );
    return () => {
      live = false;
    };
  }, [db, docId, format, scope, langs, statusChoice, perPair]);
  // XLIFF: the source languages of the documents in scope. A ticked language that is the source of
  // every one of them has no XLIFF file (a file's target is never its source): said before export.
  const [sources, setSources] = useState<Lang[] | null>(null);
  useEffect(() => {
    let live = true;
    const read =
      scope === "document" && docId
        ? db.documents.get(docId).then((d) => (d ? [d] : []))
        : db.documents.toArray();
    void read.then(
      (docs) => live && setSources([...new Set(docs.map((d) => d.sourceLang))]),
      () => live && setSources(null),
    );
    return () => {
      live = false;
    };
  }, [db, docId, scope]);
  const xliffLeftOut =
    (format === "xliff2" || format === "xliff12") && sources && sources.length > 0
      ? langs.filter((l) => sources.every((s) => s === l))
      : [];
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  // QA (issue 12): a warning while the targets written have QA errors, and the QA report.
  const qa = useExportQa({
    ids: scope === "document" && docId ? [docId] : undefined,
    langs,
    statuses: STATUS_CHOICES[statusChoice],
  });

  const toggleLang = (lang: TargetLang) =>
    setLangs((prev) => (prev.includes(lang) ? prev.filter((l) => l !== lang) : [...prev, lang]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setWarning(null);
    try {
      await autosave.flush();
      const ids = scope === "document" && docId ? [docId] : undefined;
      const statuses = STATUS_CHOICES[statusChoice];
      const now = new Date();
      // Units are grouped by the languages a file holds (the smallest groups of source rows on which
      // they agree), so files with one target language are read one language at a time.
      const bundleFor = async (languages: TargetLang[]) =>
        // Our JSON is a backup: rows as they are, aligned columns as cells. The others: units.
        // The export instant is the documents' merge baseline when the file comes back.
        filterBundle(
          await loadBundle(db, ids, languages, {
            rows: format === "json",
            exportedAt: now.toISOString(),
          }),
          {
            languages,
            // A TMX keeps units without a (chosen) target only when asked; others drop them
            // when a status is chosen, as before.
            ...(statuses
              ? { statuses, dropUntranslated: !(format === "tmx" && includeUntranslated) }
              : {}),
          },
        );
      const perLanguage =
        format === "xliff2" || format === "xliff12" || (format === "tmx" && perPair);
      const bundle = await bundleFor(langs);
      const base =
        scope === "document" && bundle.documents[0]
          ? exportFileName(bundle.documents[0].title, "")
          : "selaras-all";
      const extras = await loadExtras(
        db,
        bundle.documents.map((d) => d.id),
      );
      const options = {
        langs,
        statuses,
        perPair,
        bom,
        now,
        stem: `${base}-${stamp(now)}`,
        extras,
        includeNotes,
        includeProps,
        includeUntranslated,
      };
      const files = perLanguage
        ? (
            await Promise.all(
              langs.map(async (l) =>
                buildFiles(await bundleFor([l]), format, { ...options, langs: [l] }),
              ),
            )
          ).flat()
        : buildFiles(bundle, format, options);
      if (files.length === 0 && (format === "xliff2" || format === "xliff12"))
        throw new AppError("xliff.nothing-to-export", {
          languages: langs.map((l) => t(`common:lang.${l}`)).join(", "),
          sources: [...new Set(bundle.documents.map((d) => d.sourceLang))]
            .map((l) => t(`common:lang.${l}`))
            .join(", "),
        });
      for (const f of [...files, ...(await qa.files(options.stem))])
        downloadParts(f.name, f.parts, f.mime);
      // XML files drop the characters XML forbids; UTF-8 tables hold no half of a character (a
      // lone surrogate becomes U+FFFD). Said, with where, rather than done silently.
      const table = format === "tsv" || format === "csv";
      const unsafe =
        format === "json"
          ? []
          : table
            ? findLoneSurrogates(bundle).filter(
                (u) => u.field === "source" || (langs as readonly string[]).includes(u.field),
              )
            : findXmlUnsafeText(bundle);
      if (unsafe.length > 0) {
        const where = unsafe
          .slice(0, 10)
          .map((u) => `${u.segmentId ?? u.documentId} (${u.field})`)
          .join(", ");
        setWarning(
          t(table ? "io:export.loneSurrogates" : "io:export.unsafe", {
            count: unsafe.length,
            where,
          }),
        );
        return;
      }
      onClose();
    } catch (err) {
      setError(toErrorInfo(err));
    }
  };

  const hint =
    format === "tmx"
      ? t("io:export.tmxHint")
      : format === "json"
        ? t("io:export.jsonHint")
        : format === "tsv" || format === "csv"
          ? t("io:export.tableHint")
          : t("io:export.xliffHint");
  const formatLabel: Record<Format, string> = {
    tmx: t("io:export.formatTmx"),
    json: t("io:export.formatJson"),
    xliff2: t("io:export.formatXliff2"),
    xliff12: t("io:export.formatXliff12"),
    tsv: t("io:export.formatTsv"),
    csv: t("io:export.formatCsv"),
  };

  return (
    <Dialog title={t("io:export.title")} onClose={onClose} testId="export-dialog">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t("io:export.format")}</span>
          <select
            data-testid="export-format"
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {formatLabel[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("io:export.scope")}</span>
          <select
            data-testid="export-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as Scope)}
          >
            {docId && <option value="document">{t("io:export.scopeDocument")}</option>}
            <option value="all">{t("io:export.scopeAll")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("io:export.statuses")}</span>
          <select
            data-testid="export-statuses"
            value={statusChoice}
            onChange={(e) => setStatusChoice(e.target.value as StatusChoice)}
          >
            <option value="all">{t("io:export.statusAll")}</option>
            <option value="done">{t("io:export.statusDone")}</option>
            <option value="approved">{t("io:export.statusApproved")}</option>
          </select>
        </label>
        <fieldset className="field">
          <legend>{t("io:export.languages")}</legend>
          {TARGET_LANGS.map((lang) => (
            <label key={lang} className="checkbox">
              <input
                type="checkbox"
                checked={langs.includes(lang)}
                onChange={() => toggleLang(lang)}
              />
              {t(`common:lang.${lang}`)}
            </label>
          ))}
        </fieldset>
        {format === "tmx" && (
          <fieldset className="field">
            <legend>{t("io:export.tmxLayout")}</legend>
            <label className="radio">
              <input
                type="radio"
                name="layout"
                checked={!perPair}
                onChange={() => setPerPair(false)}
              />
              {t("io:export.tmxOneFile")}
            </label>
            <label className="radio">
              <input
                type="radio"
                name="layout"
                data-testid="export-per-pair"
                checked={perPair}
                onChange={() => setPerPair(true)}
              />
              {t("io:export.tmxPerPair")}
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="export-notes"
                checked={includeNotes}
                onChange={(e) => setIncludeNotes(e.target.checked)}
              />
              {t("io:export.includeNotes")}
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="export-props"
                checked={includeProps}
                onChange={(e) => setIncludeProps(e.target.checked)}
              />
              {t("io:export.includeProps")}
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="export-untranslated"
                checked={includeUntranslated}
                onChange={(e) => setIncludeUntranslated(e.target.checked)}
              />
              {t("plans:tmxExport.include")}
            </label>
            {untranslated?.map(
              (f) =>
                f.count > 0 && (
                  <p key={f.langs.join()} className="hint" data-testid="export-untranslated-count">
                    {t(
                      includeUntranslated ? "plans:tmxExport.included" : "plans:tmxExport.leftOut",
                      {
                        count: f.count,
                        langs: f.langs.map((l) => t(`common:lang.${l}`)).join(", "),
                      },
                    )}
                  </p>
                ),
            )}
          </fieldset>
        )}
        {(format === "tsv" || format === "csv") && (
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="export-bom"
              checked={bom}
              onChange={(e) => setBom(e.target.checked)}
            />
            {t("io:export.bom")}
          </label>
        )}
        <p className="hint">{hint}</p>
        {xliffLeftOut.length > 0 && (
          <p className="hint" role="note" data-testid="export-xliff-left-out">
            {t(
              xliffLeftOut.length === langs.length
                ? "io:export.xliffSourceOnly"
                : "io:export.xliffSourceLeftOut",
              {
                languages: xliffLeftOut.map((l) => t(`common:lang.${l}`)).join(", "),
              },
            )}
          </p>
        )}
        {qa.section}
        {unsaved > 0 && (
          <p className="form-error" role="note" data-testid="export-unsaved">
            {t("common:storage.exportUnsaved", { count: unsaved })}
          </p>
        )}
        {warning && (
          <p className="form-error" role="alert" data-testid="export-warning">
            {warning}
          </p>
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {warning ? t("common:close") : t("common:cancel")}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="export-download"
            disabled={langs.length === 0}
          >
            {t("io:export.download")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
