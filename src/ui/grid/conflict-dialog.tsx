import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TranslationRecord } from "../../core/model/records.ts";
import type { CompetingVersion } from "../../core/sync/protocol.ts";
import { wordDiff } from "../../core/text/word-diff.ts";
import type { ConflictChoice } from "../../core/merge/resolve-conflict.ts";
import { Dialog } from "../shared/dialog.tsx";
import { ErrorText } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { isComposing, nfcField } from "../shared/nfc-field.ts";

/** The current text against a competing version, word by word (removed struck, added underlined). */
function Diff({ before, after, lang }: { before: string; after: string; lang: string }) {
  return (
    <p className="conflict-text conflict-diff" lang={lang} data-testid="conflict-diff">
      {wordDiff(before, after).map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "added" ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <del key={i}>{part.text}</del>
        ),
      )}
    </p>
  );
}

/**
 * Decides a conflict (competing versions from a merged file or team sync): the current text and
 * each competing version with a word diff and who, when and where from; keep the current text, one
 * version, or an edited merge. `onResolve` runs the one undoable command (db resolveCellConflict).
 */
export function ConflictDialog({
  cell,
  row,
  onResolve,
  onClose,
}: {
  cell: TranslationRecord;
  /** 1-based row number, as the grid shows it. */
  row: number;
  onResolve: (choice: ConflictChoice, expected: readonly string[]) => Promise<void>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(["handoff", "common"]);
  const { error, run } = useErrorAction();
  const competing: readonly CompetingVersion[] = cell.competing ?? [];
  const expected = competing.map((v) => v.text);
  const [merged, setMerged] = useState(cell.text);
  const date = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime())
      ? iso
      : new Intl.DateTimeFormat(i18n.resolvedLanguage, {
          dateStyle: "medium",
          timeStyle: "short",
        }).format(d);
  };
  const decide = (choice: ConflictChoice) =>
    void run(async () => {
      await onResolve(choice, expected);
      onClose();
    });
  const lang = t(`common:lang.${cell.lang}`);
  return (
    <Dialog title={t("conflict.title", { row, lang })} onClose={onClose} testId="conflict-dialog">
      <section className="conflict-version" aria-labelledby="conflict-current">
        <h3 id="conflict-current">{t("conflict.current")}</h3>
        <p className="conflict-meta">
          {t("conflict.currentFrom", { by: cell.changedBy, at: date(cell.changedAt) })}
        </p>
        <p className="conflict-text" lang={cell.lang} data-testid="conflict-current-text">
          {cell.text}
        </p>
        <button
          type="button"
          data-testid="conflict-keep-current"
          data-autofocus
          onClick={() => decide({ kind: "current" })}
        >
          {t("conflict.keepCurrent")}
        </button>
      </section>
      {competing.map((v, i) => (
        <section
          key={`${i}:${v.text}`}
          className="conflict-version"
          aria-labelledby={`conflict-v${i}`}
          data-testid="conflict-version"
        >
          <h3 id={`conflict-v${i}`}>{t("conflict.competing", { n: i + 1 })}</h3>
          <p className="conflict-meta">
            {t("conflict.from", {
              source: t(`conflict.source.${v.source}`),
              by: v.by || "?",
              at: v.at ? date(v.at) : "?",
            })}{" "}
            · {t(`common:status.${v.status}` as "common:status.draft")}
          </p>
          <p className="conflict-text" lang={cell.lang} data-testid="conflict-version-text">
            {v.text}
          </p>
          <p className="conflict-diff-label">{t("conflict.diffLabel")}</p>
          <Diff before={cell.text} after={v.text} lang={cell.lang} />
          <button
            type="button"
            data-testid="conflict-keep-version"
            onClick={() => decide({ kind: "competing", index: i })}
          >
            {t("conflict.keepThis")}
          </button>
        </section>
      ))}
      <p className="hint">{t("conflict.diffLegend")}</p>
      <section className="conflict-version">
        <label className="conflict-merge">
          <span>{t("conflict.merged")}</span>
          <textarea
            data-testid="conflict-merged"
            value={merged}
            rows={3}
            onChange={(e) => setMerged(nfcField(e.currentTarget, isComposing(e)))}
            onCompositionEnd={(e) => setMerged(nfcField(e.currentTarget))}
          />
        </label>
        <button
          type="button"
          data-testid="conflict-keep-merged"
          disabled={merged.trim() === ""}
          onClick={() => decide({ kind: "merged", text: merged })}
        >
          {t("conflict.applyMerged")}
        </button>
      </section>
      {error && (
        <p role="alert" className="error">
          <ErrorText error={error} />
        </p>
      )}
    </Dialog>
  );
}
