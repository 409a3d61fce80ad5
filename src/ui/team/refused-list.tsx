import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { useDocuments, useProjects, useRefusedChanges } from "../../db/hooks.ts";
import {
  dismissRefusedChange,
  reapplyRefusedChange,
  refusedChanges,
  type RefusedChange,
} from "../../db/sync/refused.ts";
import { Dialog } from "../shared/dialog.tsx";
import { ErrorText } from "../shared/error-text.tsx";
import { useTeam } from "./team-context.tsx";
import { useSyncText } from "./sync-pill.tsx";

/** Told after a dismissal, so counters read the lists again. */
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

/** How many changes the server refused, over every joined project (read again on each status). */
export function useRefusedCount(): number {
  const db = useDb();
  const projects = useProjects();
  const { status } = useTeam();
  const [count, setCount] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    listeners.add(bump);
    return () => void listeners.delete(bump);
  }, []);
  useEffect(() => {
    let cancelled = false;
    void Promise.all((projects ?? []).map((p) => refusedChanges(db, p.projectId))).then(
      (lists) => !cancelled && setCount(lists.reduce((n, l) => n + l.length, 0)),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [db, projects, status, tick]);
  return count;
}

const KNOWN_LABELS = new Set([
  "edit",
  "confirm",
  "share",
  "align",
  "import",
  "memory",
  "realign",
  "replace",
  "resolve",
  "restore",
  "glossary-add",
  "glossary-edit",
  "glossary-delete",
  "glossary-import",
  "glossary-resolve",
]);

/** The texts a refused change would have written into cells (what the user may type again). */
function refusedTexts(change: RefusedChange): string[] {
  const texts: string[] = [];
  for (const p of change.mutation.patches) {
    if (p.table !== "translations" || !p.after) continue;
    const text = (p.after as { text?: unknown }).text;
    if (typeof text === "string" && text.trim()) texts.push(text);
  }
  return texts.slice(0, 3);
}

/**
 * The sync dialog of the pill: the status in words, when it last synced, the error, Sync now, and
 * the changes the server refused with their localized reason, each dismissable or applied again
 * (reapplyRefusedChange: a new mutation on top of the current state, judged afresh by the server).
 * The engine never re-sends a refused change by itself.
 */
export function SyncDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation("team");
  const team = useTeam();
  const projects = useProjects();
  const syncText = useSyncText();
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const status = team.status;
  return (
    <Dialog title={t("sync.title")} onClose={onClose} testId="sync-dialog">
      {status && (
        <dl className="invite-facts">
          <dt>{t("sync.status")}</dt>
          <dd data-testid="sync-status-text">{syncText(status)}</dd>
          <dt>{t("sync.lastSynced")}</dt>
          <dd>
            {status.lastSyncedAt ? when.format(new Date(status.lastSyncedAt)) : t("sync.never")}
          </dd>
        </dl>
      )}
      {status?.error && (
        <p className="form-error" role="alert">
          <ErrorText error={status.error} />
        </p>
      )}
      <section aria-labelledby="refused-heading" data-testid="refused-list">
        <h3 id="refused-heading">{t("sync.refusedHeading")}</h3>
        {(projects ?? []).map((p) => (
          <ProjectRefused key={p.projectId} projectId={p.projectId} name={p.name} />
        ))}
        <RefusedNone projectIds={(projects ?? []).map((p) => p.projectId)} />
      </section>
      <div className="dialog-actions">
        <button
          type="button"
          data-testid="sync-now"
          onClick={() => void team.engine?.syncNow().catch(() => undefined)}
        >
          {t("sync.syncNow")}
        </button>
        <button type="button" className="primary" onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </Dialog>
  );
}

function RefusedNone({ projectIds }: { projectIds: string[] }) {
  const { t } = useTranslation("team");
  const count = useRefusedCount();
  if (count > 0 && projectIds.length > 0) return null;
  return <p className="hint">{t("sync.refusedNone")}</p>;
}

function ProjectRefused({ projectId, name }: { projectId: string; name: string }) {
  const { t, i18n } = useTranslation("team");
  const db = useDb();
  const list = useRefusedChanges(projectId);
  const documents = useDocuments();
  if (!list || list.length === 0) return null;
  const titles = new Map((documents ?? []).map((d) => [d.document.id, d.document.title]));
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const tt = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (
    <div className="refused-project">
      <h4>{t("sync.refusedIn", { project: name })}</h4>
      <ul className="refused-items">
        {list.map((r) => {
          const label = tt(
            KNOWN_LABELS.has(r.mutation.label)
              ? `sync.labels.${r.mutation.label}`
              : "sync.labels.other",
          );
          // Glossary changes belong to the project, not to a document.
          const inGlossary = r.mutation.label.startsWith("glossary-");
          const document =
            (r.mutation.docId && titles.get(r.mutation.docId)) || t("sync.unknownDocument");
          const texts = refusedTexts(r);
          return (
            <li key={r.mutation.id} data-testid="refused-item" data-code={r.code}>
              <p className="refused-what">
                <strong>
                  {inGlossary
                    ? t("sync.refusedGlossaryChange", { label })
                    : t("sync.refusedChange", { label, document })}
                </strong>{" "}
                <span className="hint">
                  {t("sync.refusedAt", { when: when.format(new Date(r.refusedAt)) })}
                </span>
              </p>
              <p className="form-error" data-testid="refused-reason">
                <ErrorText error={{ code: r.code, params: r.params }} />
              </p>
              {texts.length > 0 && (
                <div className="refused-texts">
                  <span className="hint">{t("sync.refusedText")}</span>
                  <ul>
                    {texts.map((text, i) => (
                      <li key={i}>
                        <q>{text}</q>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <p className="hint">{t("sync.refusedHint")}</p>
              <button
                type="button"
                className="mini"
                data-testid="refused-apply-again"
                aria-label={t("sync.applyAgainOf", { label })}
                onClick={() =>
                  void reapplyRefusedChange(db, projectId, r.mutation.id).then(
                    changed,
                    () => undefined,
                  )
                }
              >
                {t("sync.applyAgain")}
              </button>{" "}
              <button
                type="button"
                className="mini"
                data-testid="refused-dismiss"
                aria-label={t("sync.dismissOf", { label })}
                onClick={() =>
                  void dismissRefusedChange(db, projectId, r.mutation.id).then(changed)
                }
              >
                {t("sync.dismiss")}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
