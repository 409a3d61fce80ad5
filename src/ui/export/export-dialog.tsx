import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { loadBundle } from "../../db/operations/bundle.ts";
import { loadExtras } from "../../db/operations/tmx-extras.ts";
import type { TmxExtras } from "../../core/format/tmx/tmx-extras.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import { writeTmxChunks } from "../../core/format/tmx/write-tmx.ts";
import { writeJson } from "../../core/format/json/write-json.ts";
import { writeXliff2 } from "../../core/format/xliff/write-xliff2.ts";
import { writeXliff12 } from "../../core/format/xliff/write-xliff12.ts";
import { writeTable } from "../../core/format/tsv/write-table.ts";
import { findXmlUnsafeText } from "../../core/format/unsafe-text.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import { fileSlug } from "../../core/util/title.ts";
import { filterBundle } from "../../core/model/filter-bundle.ts";
import type { Status } from "../../core/model/status.ts";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { downloadParts } from "../shared/download.ts";
import { useAutosave } from "../app/autosave-context.ts";
import { APP_VERSION } from "../app/version.ts";

const FORMATS = ["tmx", "json", "xliff2", "xliff12", "tsv", "csv"] as const;
type Format = (typeof FORMATS)[number];
type Scope = "document" | "all";
type StatusChoice = "all" | "done" | "approved";

const STATUS_CHOICES: Record<StatusChoice, readonly Status[] | undefined> = {
  all: undefined,
  done: ["translated", "approved"],
  approved: ["approved"],
};

interface OutFile {
  name: string;
  parts: readonly string[];
  mime: string;
}

function stamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}

/** The files an export writes: one, or one per target language for XLIFF and per-pair TMX. */
function buildFiles(
  bundle: Bundle,
  format: Format,
  options: {
    langs: TargetLang[];
    statuses: readonly Status[] | undefined;
    perPair: boolean;
    bom: boolean;
    now: Date;
    stem: string;
    extras: TmxExtras;
    includeNotes: boolean;
    includeProps: boolean;
  },
): OutFile[] {
  const { langs, statuses, now, stem, extras, includeNotes, includeProps } = options;
  const s = statuses ? { statuses } : {};
  const tmx = (languages: TargetLang[]) =>
    writeTmxChunks(bundle, {
      creationTool: "Selaras",
      creationToolVersion: APP_VERSION,
      creationDate: now,
      languages,
      extras,
      includeNotes,
      includeProps,
      ...s,
    });
  switch (format) {
    case "tmx":
      return options.perPair
        ? langs.map((l) => ({
            name: `${stem}-id-${l}.tmx`,
            parts: tmx([l]),
            mime: "application/x-tmx+xml",
          }))
        : [{ name: `${stem}.tmx`, parts: tmx(langs), mime: "application/x-tmx+xml" }];
    case "json":
      return [
        {
          name: `${stem}.json`,
          parts: [writeJson(bundle, { exportedAt: now, toolVersion: APP_VERSION })],
          mime: "application/json",
        },
      ];
    case "xliff2":
    case "xliff12":
      return langs.map((l) => ({
        name: `${stem}-${l}${format === "xliff12" ? "-1.2" : ""}.xlf`,
        parts: [
          (format === "xliff2" ? writeXliff2 : writeXliff12)(bundle, { targetLang: l, ...s }),
        ],
        mime: "application/xliff+xml",
      }));
    case "tsv":
    case "csv":
      return [
        {
          name: `${stem}.${format}`,
          parts: [writeTable(bundle, { format, languages: langs, bom: options.bom, ...s })],
          mime: format === "csv" ? "text/csv" : "text/tab-separated-values",
        },
      ];
  }
}

/** Export one document (docId) or all of them as TMX, JSON, XLIFF 2.0/1.2 or TSV/CSV, as files. */
export function ExportDialog({ onClose, docId }: { onClose: () => void; docId: string | null }) {
  const { t } = useTranslation(["io", "common"]);
  const db = useDb();
  const autosave = useAutosave();
  const [format, setFormat] = useState<Format>("tmx");
  const [scope, setScope] = useState<Scope>(docId ? "document" : "all");
  const [langs, setLangs] = useState<TargetLang[]>([...TARGET_LANGS]);
  const [statusChoice, setStatusChoice] = useState<StatusChoice>("all");
  const [perPair, setPerPair] = useState(false);
  const [bom, setBom] = useState(true);
  const [includeNotes, setIncludeNotes] = useState(true);
  const [includeProps, setIncludeProps] = useState(true);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [warning, setWarning] = useState<string | null>(null);

  const toggleLang = (lang: TargetLang) =>
    setLangs((prev) => (prev.includes(lang) ? prev.filter((l) => l !== lang) : [...prev, lang]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setWarning(null);
    try {
      await autosave.flush();
      const full = await loadBundle(db, scope === "document" && docId ? [docId] : undefined);
      const statuses = STATUS_CHOICES[statusChoice];
      const bundle = filterBundle(full, {
        languages: langs,
        ...(statuses ? { statuses, dropUntranslated: true } : {}),
      });
      const now = new Date();
      const base =
        scope === "document" && bundle.documents[0]
          ? fileSlug(bundle.documents[0].title)
          : "selaras-all";
      const extras = await loadExtras(
        db,
        bundle.documents.map((d) => d.id),
      );
      const files = buildFiles(bundle, format, {
        langs,
        statuses,
        perPair,
        bom,
        now,
        stem: `${base}-${stamp(now)}`,
        extras,
        includeNotes,
        includeProps,
      });
      for (const f of files) downloadParts(f.name, f.parts, f.mime);
      const unsafe =
        format === "json" || format === "tsv" || format === "csv" ? [] : findXmlUnsafeText(bundle);
      if (unsafe.length > 0) {
        const where = unsafe
          .slice(0, 10)
          .map((u) => `${u.segmentId ?? u.documentId} (${u.field})`)
          .join(", ");
        setWarning(t("io:export.unsafe", { count: unsafe.length, where }));
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
