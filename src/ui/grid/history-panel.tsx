import { useTranslation } from "react-i18next";
import type { RevisionRecord } from "../../db/records.ts";
import { wordDiff } from "../../core/text/word-diff.ts";

/** Who changed a target, what and when, newest first, with a word diff; any older text can be restored. */
export function HistoryPanel({
  revisions,
  onRestore,
}: {
  revisions: readonly RevisionRecord[];
  onRestore: (revisionId: number) => void;
}) {
  const { t, i18n } = useTranslation(["grid", "common"]);
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "short",
    timeStyle: "medium",
  });
  if (revisions.length === 0) return <p className="hint">{t("grid:history.none")}</p>;
  const newestFirst = revisions.map((r, i) => ({ r, prev: revisions[i - 1] })).reverse();
  const currentText = revisions[revisions.length - 1]?.text;
  return (
    <ol className="history-list" data-testid="history-panel">
      {newestFirst.map(({ r, prev }) => (
        <li key={r.id} data-testid="history-entry">
          <div className="comment-meta">
            <strong>{r.user}</strong> · {t(`grid:history.action.${r.action}`)} ·{" "}
            <span className={`status-${r.status}`}>{t(`common:status.${r.status}`)}</span> ·{" "}
            <time dateTime={r.at}>{format.format(new Date(r.at))}</time>
          </div>
          <p className="diff">
            {wordDiff(prev?.text ?? "", r.text).map((part, i) =>
              part.kind === "same" ? (
                <span key={i}>{part.text}</span>
              ) : part.kind === "added" ? (
                <ins key={i}>{part.text}</ins>
              ) : (
                <del key={i}>{part.text}</del>
              ),
            )}
            {r.text === "" && <em className="hint">{t("grid:history.emptied")}</em>}
          </p>
          {r.id !== undefined && r.text !== currentText && (
            <button type="button" data-testid="history-restore" onClick={() => onRestore(r.id!)}>
              {t("grid:history.restore")}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
