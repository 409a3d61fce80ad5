import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MEMORY_FILE_ACCEPT, type MemoryReadResult } from "../../core/format/read-memory-file.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { toErrorInfo } from "../../db/autosave.ts";
import { readMemoryFileAsync, type ReadTask } from "../workers/read-memory-file-async.ts";
import { FormError } from "./error-text.tsx";

/**
 * Chooses a translation-memory file (TMX, XLIFF, JSON, TSV, CSV) and reads it in a Web Worker with a
 * progress bar and Cancel; shows what was read (units, language mapping) or a localized error naming
 * the file, line and column. Nothing is written: the result goes to `onRead`.
 */
export function MemoryFileReader({
  onRead,
  testId = "memory-file",
}: {
  onRead: (result: MemoryReadResult | null, fileName: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation(["io", "common"]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [result, setResult] = useState<MemoryReadResult | null>(null);
  const task = useRef<ReadTask | null>(null);

  useEffect(() => () => task.current?.cancel(), []);

  const read = (file: File | undefined) => {
    task.current?.cancel();
    setError(null);
    setResult(null);
    onRead(null, "");
    if (!file) return;
    setProgress(0);
    const current = readMemoryFileAsync(file, setProgress);
    task.current = current;
    current.promise.then(
      (r) => {
        if (task.current !== current) return;
        setProgress(null);
        setResult(r);
        onRead(r, file.name);
      },
      (err: unknown) => {
        if (task.current !== current) return;
        setProgress(null);
        const info = toErrorInfo(err);
        setError({ ...info, params: { file: file.name, ...info.params } });
      },
    );
  };

  const report = result?.report;
  return (
    <div className="memory-reader">
      <label className="field">
        <span>{t("io:read.file")}</span>
        <input
          type="file"
          accept={MEMORY_FILE_ACCEPT}
          data-testid={testId}
          onChange={(e) => read(e.target.files?.[0])}
        />
      </label>
      <p className="hint">{t("io:read.hint")}</p>
      {progress !== null && (
        <div className="read-progress" role="status">
          <progress
            max={1}
            value={progress}
            aria-label={t("io:read.reading")}
            data-testid={`${testId}-progress`}
          />
          <span>{Math.round(progress * 100)} %</span>
          <button
            type="button"
            data-testid={`${testId}-cancel`}
            onClick={() => {
              task.current?.cancel();
              task.current = null;
              setProgress(null);
              setError({ code: "import.cancelled", params: {} });
            }}
          >
            {t("common:cancel")}
          </button>
        </div>
      )}
      {report && (
        <div className="read-report" data-testid={`${testId}-report`}>
          <p>{t("io:read.summary", { detail: report.detail, count: report.units })}</p>
          {report.skippedUnits > 0 && <p>{t("io:read.skipped", { count: report.skippedUnits })}</p>}
          {report.languages.length > 0 && (
            <ul className="lang-report">
              {report.languages.map((l) => (
                <li key={l.tag}>
                  <code>{l.tag}</code> →{" "}
                  {l.mappedTo ? t(`common:lang.${l.mappedTo}`) : t("io:read.noColumn")} ({l.count})
                </li>
              ))}
            </ul>
          )}
          {report.repeatedTuids > 0 && (
            <p data-testid={`${testId}-repeated-tuids`}>
              {t("io:read.repeatedTuids", { count: report.repeatedTuids })}
            </p>
          )}
          {report.repeatedIds > 0 && (
            <p data-testid={`${testId}-repeated-ids`}>
              {t("io:read.repeatedIds", { count: report.repeatedIds })}
            </p>
          )}
          {report.droppedTargets > 0 && (
            <p data-testid={`${testId}-dropped-targets`}>
              {t("io:read.droppedTargets", {
                count: report.droppedTargets,
                tag: report.droppedTag ?? "",
              })}
            </p>
          )}
          {report.inlineProblemCount > 0 && (
            <p className="hint">
              {t("io:read.inlineProblems", { count: report.inlineProblemCount })}
            </p>
          )}
        </div>
      )}
      <FormError error={error} />
    </div>
  );
}
