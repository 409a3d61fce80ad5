import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TargetLang } from "../../core/model/languages.ts";
import { CHECK_IDS, type CheckId, type Severity } from "../../core/qa/types.ts";
import { useDb } from "../../db/db-context.ts";
import { dismissPlaced, restoreFinding } from "../../db/operations/qa-dismissals.ts";
import { useErrorAction } from "../shared/use-error-action.ts";
import { FormError } from "../shared/error-text.tsx";
import { DismissForm } from "./dismiss-form.tsx";
import type { QaStore, ShownFinding } from "./qa-store.ts";
import { useQaSnapshot } from "./qa-context.ts";
import { SeverityIcon } from "./severity-icon.tsx";
import { useFindingText } from "./use-finding-text.ts";
import "./qa.css";

/** Findings listed per check before "show more" (a document may have thousands). */
const PAGE = 200;

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * The document's QA panel beside the grid: findings grouped by check (in the checks' order), each
 * group sorted by row, filtered by severity; each finding is a button that moves focus to its cell.
 * A finding can be dismissed with a reason (one undo step); dismissed findings are listed, as
 * dismissed and with a Restore button, while "Show dismissed" is on.
 */
export function QaPanel({
  store,
  shown,
  onShown,
  isVisible,
  onGo,
  onClose,
  user,
}: {
  store: QaStore | null;
  /** Who dismisses (stamped on the dismissal). */
  user: string;
  /** The severities listed (F8 follows the same choice). */
  shown: ReadonlySet<Severity>;
  onShown: (next: ReadonlySet<Severity>) => void;
  /** Whether a row (0-based segment index) is shown by the grid's filter. */
  isVisible: (index: number) => boolean;
  onGo: (index: number, lang: TargetLang) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(["qa", "common"]);
  const snapshot = useQaSnapshot(store);
  const message = useFindingText();
  const { counts, checking, done, total, version, dismissed, showDismissed } = snapshot;
  const [limit, setLimit] = useState<Partial<Record<CheckId, number>>>({});
  const db = useDb();
  const { error, run } = useErrorAction();
  /** The finding whose reason is being asked (its list key). */
  const [asking, setAsking] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const dismiss = (f: ShownFinding, reason: string) =>
    void run(async () => {
      await dismissPlaced(db, f, reason, user);
      setAsking(null);
      title.current?.focus();
    });
  const restore = (f: ShownFinding) =>
    void run(async () => {
      if (f.dismissal) await restoreFinding(db, { docId: f.documentId, id: f.dismissal.id, user });
    });
  const groups = useMemo(() => {
    void version;
    const findings = store?.listedFindings() ?? [];
    const by = new Map<CheckId, ShownFinding[]>();
    for (const f of findings) {
      if (!shown.has(f.finding.severity) && !f.dismissal) continue;
      let list = by.get(f.finding.check);
      if (!list) by.set(f.finding.check, (list = []));
      list.push(f);
    }
    return CHECK_IDS.flatMap((id) => {
      const list = by.get(id);
      return list ? [{ id, list: [...list].sort((a, b) => a.row - b.row) }] : [];
    });
  }, [store, version, shown]);
  const count = counts.error + counts.warning + counts.info;
  const toggle = (s: Severity, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(s);
    else next.delete(s);
    onShown(next);
  };
  return (
    <aside
      className="qa-panel"
      aria-labelledby="qa-panel-title"
      data-testid="qa-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="qa-panel-head">
        <h2 id="qa-panel-title" ref={title} tabIndex={-1}>
          {t("qa:panel.title")}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t("qa:panel.close")}
          title={t("qa:panel.close")}
          data-testid="qa-panel-close"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <fieldset className="qa-filter">
        <legend>{t("qa:panel.show")}</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className={`qa-filter-item qa-${s}`}>
            <input
              type="checkbox"
              data-testid={`qa-show-${s}`}
              checked={shown.has(s)}
              onChange={(e) => toggle(s, e.target.checked)}
            />
            <SeverityIcon severity={s} />
            {t(`qa:severity.${s}`)} <span className="qa-count">{counts[s]}</span>
          </label>
        ))}
        <label className="qa-filter-item qa-dismissed-toggle">
          <input
            type="checkbox"
            data-testid="qa-show-dismissed"
            checked={showDismissed}
            onChange={(e) => store?.setShowDismissed(e.target.checked)}
          />
          {t("qa:panel.showDismissed")} <span className="qa-count">{dismissed}</span>
        </label>
      </fieldset>
      <FormError error={error} />
      <p className="qa-status" role="status" data-testid="qa-status">
        {checking && total > 0 ? t("qa:panel.checking", { done, total }) : ""}
      </p>
      <div className="qa-body">
        {groups.length === 0 && !checking && (
          <p className="empty-state" data-testid="qa-none">
            {count === 0 ? t("qa:panel.none") : t("qa:panel.noneShown")}
          </p>
        )}
        {groups.map((g) => (
          <section key={g.id} className="qa-group" data-testid={`qa-group-${g.id}`}>
            <h3>
              {t(`qa:check.${g.id}`)} <span className="qa-count">{g.list.length}</span>
            </h3>
            <ul>
              {g.list.slice(0, limit[g.id] ?? PAGE).map((f, k) => {
                const lang = t(`common:lang.${f.lang}`);
                const text = message(f.finding);
                const hidden = !isVisible(f.row);
                const key = `${f.segmentId}-${f.lang}-${f.fingerprint}`;
                const d = f.dismissal;
                const note = d ? t("qa:dismiss.note", { by: d.by, reason: d.reason }) : "";
                return (
                  <li key={`${key}-${k}`} className={d ? "qa-dismissed" : undefined}>
                    <button
                      type="button"
                      className={`qa-item qa-${f.finding.severity}`}
                      data-testid={`qa-item-${f.lang}-${f.row}`}
                      data-dismissed={d ? true : undefined}
                      aria-label={`${t(`qa:severity.${f.finding.severity}`)}. ${t("qa:panel.item", { n: f.row + 1, lang, message: text })}${d ? ` ${note}` : ""}`}
                      aria-disabled={hidden || undefined}
                      title={hidden ? t("qa:panel.hidden", { n: f.row + 1 }) : undefined}
                      onClick={() => {
                        if (!hidden) onGo(f.row, f.lang);
                      }}
                    >
                      <SeverityIcon severity={f.finding.severity} />
                      <span className="qa-where">
                        {t("qa:panel.row", { n: f.row + 1 })} · {lang}
                      </span>
                      <span className="qa-text">{text}</span>
                      {d && <span className="qa-dismissal">{note}</span>}
                    </button>
                    {d ? (
                      <button
                        type="button"
                        className="qa-item-action"
                        data-testid={`qa-restore-${f.lang}-${f.row}`}
                        aria-label={t("qa:dismiss.restoreLabel", { n: f.row + 1, lang })}
                        onClick={() => restore(f)}
                      >
                        {t("qa:dismiss.restore")}
                      </button>
                    ) : asking === key ? (
                      <DismissForm
                        id={`qa-reason-${key}`}
                        onDismiss={(reason) => dismiss(f, reason)}
                        onCancel={() => setAsking(null)}
                      />
                    ) : (
                      <button
                        type="button"
                        className="qa-item-action"
                        data-testid={`qa-dismiss-${f.lang}-${f.row}`}
                        aria-label={t("qa:dismiss.label", { n: f.row + 1, lang, message: text })}
                        onClick={() => setAsking(key)}
                      >
                        {t("qa:dismiss.open")}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
            {g.list.length > (limit[g.id] ?? PAGE) && (
              <button
                type="button"
                className="qa-more"
                data-testid={`qa-more-${g.id}`}
                onClick={() => setLimit((l) => ({ ...l, [g.id]: (l[g.id] ?? PAGE) + PAGE }))}
              >
                {t("qa:panel.more", {
                  count: Math.min(PAGE, g.list.length - (limit[g.id] ?? PAGE)),
                  total: g.list.length,
                })}
              </button>
            )}
          </section>
        ))}
      </div>
      <p className="qa-keys">{t("qa:panel.keys")}</p>
    </aside>
  );
}
