import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CommentRecord } from "../../core/model/records.ts";
import { isComposing, nfcField } from "../shared/nfc-field.ts";

export interface CommentsPanelProps {
  comments: readonly CommentRecord[];
  /** When set, the form rejects the target with the comment (a reject needs a reason). */
  rejecting: boolean;
  onAdd: (text: string) => Promise<unknown>;
  onReject: (text: string) => Promise<unknown>;
  onResolve: (resolved: boolean) => Promise<unknown>;
  onCancelReject: () => void;
}

/** The comment thread of one segment and language: read, add, resolve or reopen; reject with a reason. */
export function CommentsPanel(props: CommentsPanelProps) {
  const { comments, rejecting, onAdd, onReject, onResolve, onCancelReject } = props;
  const { t, i18n } = useTranslation("grid");
  const [text, setText] = useState("");
  const open = comments.some((c) => c.open === 1);
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "short",
    timeStyle: "short",
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    // A comment that could not be stored stays in the box (the error is shown above).
    const ok = await (rejecting ? onReject(text) : onAdd(text));
    if (ok !== false) setText("");
  };

  return (
    <div className="comments-panel" data-testid="comments-panel">
      {comments.length === 0 && <p className="hint">{t("comments.none")}</p>}
      <ol className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className={c.open ? "open" : "resolved"}>
            <div className="comment-meta">
              <strong>{c.author}</strong>{" "}
              <time dateTime={c.at}>{format.format(new Date(c.at))}</time>
            </div>
            <p>{c.text}</p>
          </li>
        ))}
      </ol>
      {comments.length > 0 && (
        <p className="thread-state">
          {open
            ? t("comments.open")
            : t("comments.resolved", { user: comments[0]?.resolvedBy ?? "" })}{" "}
          <button type="button" data-testid="comments-resolve" onClick={() => void onResolve(open)}>
            {open ? t("comments.resolve") : t("comments.reopen")}
          </button>
        </p>
      )}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{rejecting ? t("comments.rejectReason") : t("comments.add")}</span>
          <textarea
            data-testid="comment-text"
            rows={3}
            value={text}
            autoFocus={rejecting}
            required={rejecting}
            onChange={(e) => setText(nfcField(e.target, isComposing(e)))}
            onCompositionEnd={(e) => setText(nfcField(e.currentTarget))}
            onKeyDown={(e) => {
              // Ctrl+Enter (Cmd+Enter) sends the comment, as it confirms a segment in the grid.
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.altKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </label>
        <div className="dialog-actions">
          {rejecting && (
            <button type="button" onClick={onCancelReject}>
              {t("comments.cancelReject")}
            </button>
          )}
          <button
            type="submit"
            className={rejecting ? "danger-button" : "primary"}
            data-testid="comment-submit"
          >
            {rejecting ? t("comments.rejectSubmit") : t("comments.submit")}
          </button>
        </div>
      </form>
    </div>
  );
}
