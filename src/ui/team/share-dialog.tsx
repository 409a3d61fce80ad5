import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { useProjects } from "../../db/hooks.ts";
import { shareDocument } from "../../db/sync/share.ts";
import { Dialog } from "../shared/dialog.tsx";
import { FormError, ErrorText } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { useTeam } from "./team-context.tsx";

const NEW = "__new__";

/** Roles that may add documents to a project (the server refuses the others). */
const CAN_SHARE = new Set(["owner", "translator"]);

/**
 * Shares a local document into a team project: an existing one (where the user may add
 * documents) or a new one; the upload's progress is the project's waiting changes going to zero.
 */
export function ShareDialog({
  docId,
  title,
  onClose,
}: {
  docId: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("team");
  const db = useDb();
  const team = useTeam();
  const projects = useProjects();
  const usable = (projects ?? []).filter((p) => CAN_SHARE.has(p.role));
  const [choice, setChoice] = useState<string | null>(null);
  const [newName, setNewName] = useState("");
  const [sharedTo, setSharedTo] = useState<{
    id: string;
    name: string;
    total: number;
    sharedAt: string;
  } | null>(null);
  const { error, run } = useErrorAction();
  const selected = choice ?? (projects ? (usable[0]?.projectId ?? NEW) : null);

  const refresh = team.refreshProjects;
  useEffect(() => {
    // The server's list may hold projects this browser has not joined yet.
    void refresh().catch(() => undefined);
  }, [refresh]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      let id = selected;
      let name = usable.find((p) => p.projectId === id)?.name ?? "";
      if (id === NEW || id === null) {
        const project = await team.client.createProject(newName.trim());
        await team.join(project);
        id = project.id;
        name = project.name;
      }
      const sharedAt = new Date().toISOString();
      const total = await shareDocument(db, docId, id);
      setSharedTo({ id, name, total, sharedAt });
      void team.engine?.syncNow();
    });
  };

  return (
    <Dialog title={t("share.title", { title })} onClose={onClose} testId="share-dialog">
      {sharedTo ? (
        <ShareProgress project={sharedTo} onClose={onClose} />
      ) : (
        <form className="form share-form" onSubmit={(e) => void submit(e)}>
          <p className="hint">{t("share.intro")}</p>
          <fieldset className="field">
            <legend>{t("share.project")}</legend>
            {usable.map((p) => (
              <label key={p.projectId} className="radio">
                <input
                  type="radio"
                  name="share-project"
                  value={p.projectId}
                  data-testid="share-project"
                  checked={selected === p.projectId}
                  onChange={() => setChoice(p.projectId)}
                />
                {p.name} <span className="hint">({t(`roles.${p.role}`)})</span>
              </label>
            ))}
            <label className="radio">
              <input
                type="radio"
                name="share-project"
                value={NEW}
                data-testid="share-project-new"
                checked={selected === NEW}
                onChange={() => setChoice(NEW)}
              />
              {t("share.newProject")}
            </label>
          </fieldset>
          {selected === NEW && (
            <label className="field">
              <span>{t("share.newName")}</span>
              <input
                data-testid="share-new-name"
                value={newName}
                required
                maxLength={100}
                onChange={(e) => setNewName(e.target.value)}
              />
            </label>
          )}
          <FormError error={error} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t("cancel")}
            </button>
            <button type="submit" className="primary" data-testid="share-submit">
              {t("share.submit")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function ShareProgress({
  project,
  onClose,
}: {
  project: { id: string; name: string; total: number; sharedAt: string };
  onClose: () => void;
}) {
  const { t } = useTranslation("team");
  const { status } = useTeam();
  // The engine's outbox count (every project): what waits of this share is at most that; done once
  // a sync cycle ended after the share with nothing left.
  const pending = Math.min(status?.pending ?? project.total, project.total);
  const sent = Math.max(0, project.total - pending);
  const done = pending === 0 && !!status?.lastSyncedAt && status.lastSyncedAt >= project.sharedAt;
  return (
    <div className="form" data-testid="share-progress">
      {done ? (
        <p className="form-success" role="status" data-testid="share-done">
          {t("share.done", { project: project.name })}
        </p>
      ) : (
        <>
          <p role="status">
            {status?.connection === "offline"
              ? t("share.waitingOffline", { project: project.name })
              : t("share.uploading", { project: project.name })}
          </p>
          <progress
            max={Math.max(1, project.total)}
            value={sent}
            aria-label={t("share.progressLabel")}
          />
        </>
      )}
      {status?.error && status.connection !== "offline" && (
        <p className="form-error" role="alert">
          <ErrorText error={status.error} />
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} data-testid="share-close">
          {t("close")}
        </button>
      </div>
    </div>
  );
}
