import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AlignTranslationResult, SourceSentence } from "../../core/align/align-translation.ts";
import { decodeText } from "../../core/format/txt/decode.ts";
import { isAppError, type ErrorInfo } from "../../core/model/app-error.ts";
import { SOURCE_LANG, type Lang, type TargetLang } from "../../core/model/languages.ts";
import type { CustomSegmentation } from "../../core/segment/custom-rules.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import { Dialog } from "../shared/dialog.tsx";
import { readFileBytes } from "../shared/download.ts";
import { FormError } from "../shared/error-text.tsx";
import { alignAsync, type AlignRunner, type AlignTask } from "../workers/align-async.ts";
import { alignErrorInfo } from "../workers/align-protocol.ts";

export interface AlignDialogProps {
  onClose: () => void;
  /** The document's source rows, in order, with their paragraph indexes. */
  sourceSentences: readonly SourceSentence[];
  /** The document's source language (default Indonesian). */
  sourceLang?: Lang;
  /** The target columns the document has. */
  targetLangs: readonly TargetLang[];
  initialLang?: TargetLang;
  /** Whether that column already has text (aligning then replaces it: a warning is shown). */
  hasExisting: (lang: TargetLang) => boolean;
  /** The shipped example translation for that language, if any (align-example.ts). */
  exampleText?: (lang: TargetLang) => string | undefined;
  customSegmentation: CustomSegmentation;
  /**
   * Stores the result (cellsFromAlignment + replaceColumn as one undoable command). The dialog
   * closes when it resolves and shows its error when it rejects.
   */
  onApply: (lang: TargetLang, result: AlignTranslationResult) => Promise<void>;
  /** Runs the alignment; the Web Worker by default (tests may pass a stand-in). */
  align?: AlignRunner;
}

type Phase = "form" | "running" | "applying";

/** The aligner's errors carry a code; anything else is an unexpected failure of the run. */
function errorInfoOf(error: unknown): ErrorInfo {
  return isAppError(error) ? error.toInfo() : alignErrorInfo(String(error));
}

/**
 * Align an existing translation: choose the column, paste the text or load a .txt file (or take
 * the shipped example), then align it to the source rows in a Web Worker with progress and Cancel.
 * Nothing is written until `onApply`; a cancelled run leaves everything as it was. Escape closes
 * the dialog, or cancels the alignment while it runs.
 */
export function AlignDialog({
  onClose,
  sourceSentences,
  sourceLang = SOURCE_LANG,
  targetLangs,
  initialLang,
  hasExisting,
  exampleText,
  customSegmentation,
  onApply,
  align = alignAsync,
}: AlignDialogProps) {
  const { t } = useTranslation(["align", "common"]);
  const [lang, setLang] = useState<TargetLang | undefined>(() =>
    initialLang && targetLangs.includes(initialLang) ? initialLang : targetLangs[0],
  );
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [phase, setPhase] = useState<Phase>("form");
  const [progress, setProgress] = useState(0);
  const task = useRef<AlignTask | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => () => task.current?.cancel(), []);
  useEffect(() => {
    if (phase === "form") textArea.current?.focus();
    else if (phase === "running") cancelButton.current?.focus();
  }, [phase]);

  const cancelRun = useCallback(() => {
    const current = task.current;
    if (!current) return;
    task.current = null;
    current.cancel();
    setPhase("form");
    setCancelled(true);
  }, []);

  const requestClose = () => {
    if (phase === "running") cancelRun();
    else if (phase === "form") onClose();
  };

  const start = (e: FormEvent) => {
    e.preventDefault();
    if (phase !== "form" || lang === undefined) return;
    setError(null);
    setCancelled(false);
    if (text.trim() === "") {
      setError({ code: "align.no-target-text", params: {} });
      return;
    }
    setProgress(0);
    setPhase("running");
    // A runner may report progress before it returns: such early reports are dropped.
    let started: AlignTask | null = null;
    const onProgress = (fraction: number) => {
      if (started !== null && task.current === started) setProgress(fraction);
    };
    started = align(
      {
        source: sourceSentences,
        sourceLang,
        targetText: text,
        targetLang: lang,
        segmentation: customSegmentation,
      },
      onProgress,
    );
    task.current = started;
    const current = started;
    current.promise.then(
      async (result) => {
        if (task.current !== current) return;
        setPhase("applying");
        try {
          await onApply(lang, result);
          task.current = null;
          onClose();
        } catch (err) {
          task.current = null;
          setPhase("form");
          setError(toErrorInfo(err));
        }
      },
      (err: unknown) => {
        if (task.current !== current) return;
        task.current = null;
        setPhase("form");
        setError(errorInfoOf(err));
      },
    );
  };

  const loadFile = async (file: File | undefined) => {
    setError(null);
    setCancelled(false);
    if (!file) return;
    try {
      setText(decodeText(await readFileBytes(file), file.name));
      setFileName(file.name);
    } catch (err) {
      setFileName(null);
      setError(toErrorInfo(err));
    }
  };

  const example = lang === undefined ? undefined : exampleText?.(lang);
  const busy = phase !== "form";

  return (
    <Dialog title={t("align:title")} onClose={requestClose} testId="align-dialog">
      <form className="form" onSubmit={start}>
        <p className="hint">{t("align:intro", { count: sourceSentences.length })}</p>
        <fieldset className="field" disabled={busy}>
          <legend>{t("align:language")}</legend>
          {targetLangs.map((l) => (
            <label key={l} className="radio">
              <input
                type="radio"
                name="align-lang"
                value={l}
                data-testid={`align-lang-${l}`}
                checked={lang === l}
                onChange={() => setLang(l)}
              />
              {t(`common:lang.${l}`)}
            </label>
          ))}
        </fieldset>
        {lang !== undefined && hasExisting(lang) && (
          <p className="banner banner-info" data-testid="align-replace-warning">
            {t(`align:replaceWarning.${lang}`)}
          </p>
        )}
        <label className="field">
          <span>{t("align:text")}</span>
          <textarea
            ref={textArea}
            data-testid="align-text"
            rows={10}
            value={text}
            disabled={busy}
            placeholder={t("align:textPlaceholder")}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(null);
            }}
          />
        </label>
        {fileName !== null && (
          <p className="hint" data-testid="align-file-loaded">
            {t("align:fileLoaded", { file: fileName })}
          </p>
        )}
        <div className="form-row">
          <label className="field">
            <span>{t("align:file")}</span>
            <input
              type="file"
              accept=".txt,text/plain"
              data-testid="align-file"
              disabled={busy}
              onChange={(e) => void loadFile(e.target.files?.[0])}
            />
          </label>
          {example !== undefined && (
            <button
              type="button"
              data-testid="align-example"
              disabled={busy}
              onClick={() => {
                setText(example);
                setFileName(null);
                setError(null);
              }}
            >
              {t("align:example")}
            </button>
          )}
        </div>
        <p className="hint">
          {t("align:fileHint")}
          {example !== undefined && ` ${t("align:exampleHint")}`}
        </p>
        {phase === "running" && (
          <div className="align-progress" role="status">
            <span>{t("align:running")}</span>{" "}
            <progress
              max={100}
              value={Math.round(progress * 100)}
              aria-label={t("align:progress")}
              data-testid="align-progress"
            />{" "}
            <span>{Math.round(progress * 100)} %</span>
          </div>
        )}
        {phase === "applying" && (
          <p className="hint" role="status">
            {t("align:applying")}
          </p>
        )}
        {cancelled && (
          <p className="hint" role="status" data-testid="align-cancelled">
            {t("align:cancelled")}
          </p>
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          {phase === "running" ? (
            <button
              type="button"
              ref={cancelButton}
              data-testid="align-cancel-run"
              onClick={cancelRun}
            >
              {t("common:cancel")}
            </button>
          ) : (
            <>
              <button type="button" onClick={onClose} disabled={busy}>
                {t("common:cancel")}
              </button>
              <button
                type="submit"
                className="primary"
                data-testid="align-submit"
                disabled={busy || lang === undefined}
              >
                {t("align:submit")}
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
