import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useProjects } from "../../db/hooks.ts";
import { useTranslation } from "react-i18next";
import { PROJECT_ROLES, type ProjectRole } from "../../core/sync/protocol.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { useConfirm } from "../shared/confirm-dialog.tsx";
import { inviteLink, type MemberInfo } from "./account-client.ts";
import { useTeam } from "./team-context.tsx";
import { CopyIcon } from "../shared/icons.tsx";

/** A translator's language limit as one choice: both languages, Vietnamese only, English only. */
export type LangLimit = "all" | TargetLang;

export function limitOf(langs: readonly TargetLang[] | null): LangLimit {
  return langs && langs.length === 1 ? langs[0]! : "all";
}

export function langsOf(role: ProjectRole, limit: LangLimit): TargetLang[] | null {
  return role === "translator" && limit !== "all" ? [limit] : null;
}

const LIMITS: readonly LangLimit[] = ["all", "vi", "en"];
const EXPIRIES = [1, 24, 168, 720] as const;

/**
 * A project's members: everyone sees the list; the owner changes roles and language limits,
 * removes members and creates invitation links (role, language limit, expiry) with a copy button.
 * With several joined projects a picker chooses which; with none it says how to get one.
 */
export function MembersDialog({
  projectId: initial,
  focusInvite = false,
  onClose,
}: {
  projectId?: string;
  /** Opened as "Invite…": focus starts on the invitation's role. */
  focusInvite?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("team");
  const projects = useProjects();
  const [chosen, setChosen] = useState<string | null>(initial ?? null);
  const project = projects?.find((p) => p.projectId === chosen) ?? projects?.[0] ?? null;
  return (
    <Dialog
      title={project ? t("members.title", { project: project.name }) : t("account.members")}
      onClose={onClose}
      testId="members-dialog"
    >
      {projects === undefined && (
        <p className="loading" role="status">
          {t("loading")}
        </p>
      )}
      {projects && projects.length === 0 && (
        <p className="hint" data-testid="members-none">
          {t("members.none")}
        </p>
      )}
      {projects && projects.length > 1 && project && (
        <label className="field">
          <span>{t("members.project")}</span>
          <select
            data-testid="members-project"
            value={project.projectId}
            onChange={(e) => setChosen(e.target.value)}
          >
            {projects.map((p) => (
              <option key={p.projectId} value={p.projectId}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {project && (
        <ProjectMembers
          key={project.projectId}
          projectId={project.projectId}
          projectName={project.name}
          focusInvite={focusInvite}
        />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="members-close">
          {t("close")}
        </button>
      </div>
    </Dialog>
  );
}

function ProjectMembers({
  projectId,
  projectName,
  focusInvite,
}: {
  projectId: string;
  projectName: string;
  focusInvite: boolean;
}) {
  const { t } = useTranslation("team");
  const team = useTeam();
  const client = team.client;
  const [members, setMembers] = useState<MemberInfo[] | null>(null);
  const { error, run } = useErrorAction();
  const confirm = useConfirm();

  const load = useCallback(
    () => run(async () => setMembers(await client.members(projectId))),
    [run, client, projectId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const me = members?.find((m) => m.userId === team.account?.id);
  const owner = me?.role === "owner";

  const change = (m: MemberInfo, role: ProjectRole, limit: LangLimit) =>
    run(async () => {
      await client.updateMember(projectId, m.userId, { role, langs: langsOf(role, limit) });
      setMembers(await client.members(projectId));
    });

  const remove = async (m: MemberInfo) => {
    const ok = await confirm.ask({
      action: t("members.remove"),
      message: t("members.removeConfirm", { name: m.name, project: projectName }),
      danger: true,
    });
    if (ok)
      await run(async () => {
        await client.removeMember(projectId, m.userId);
        setMembers(await client.members(projectId));
      });
  };

  return (
    <>
      {confirm.dialog}
      {members === null && !error && (
        <p className="loading" role="status">
          {t("loading")}
        </p>
      )}
      <FormError error={error} />
      {members && (
        <table className="members-table" data-testid="members-table">
          <caption className="visually-hidden">
            {t("members.caption", { project: projectName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.langs")}</th>
              {owner && (
                <th scope="col">
                  <span className="visually-hidden">{t("members.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow
                key={m.userId}
                member={m}
                isMe={m.userId === team.account?.id}
                editable={owner}
                onChange={(role, limit) => void change(m, role, limit)}
                onRemove={() => void remove(m)}
              />
            ))}
          </tbody>
        </table>
      )}
      {owner && <InviteForm projectId={projectId} autoFocus={focusInvite} />}
      {members && !owner && focusInvite && <p className="hint">{t("invite.ownerOnly")}</p>}
    </>
  );
}

function MemberRow({
  member: m,
  isMe,
  editable,
  onChange,
  onRemove,
}: {
  member: MemberInfo;
  isMe: boolean;
  editable: boolean;
  onChange: (role: ProjectRole, limit: LangLimit) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("team");
  const limit = limitOf(m.langs);
  return (
    <tr data-testid="member-row" data-user-id={m.userId} data-role={m.role}>
      <th scope="row">
        {m.name}
        {isMe && <span className="hint"> {t("members.you")}</span>}
        {m.email && <span className="member-email">{m.email}</span>}
      </th>
      <td>
        {editable ? (
          <select
            aria-label={t("members.roleOf", { name: m.name })}
            data-testid="member-role"
            value={m.role}
            onChange={(e) => onChange(e.target.value as ProjectRole, limit)}
          >
            {PROJECT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`roles.${m.role}`)
        )}
      </td>
      <td>
        {editable && m.role === "translator" ? (
          <select
            aria-label={t("members.langsOf", { name: m.name })}
            data-testid="member-langs"
            value={limit}
            onChange={(e) => onChange(m.role, e.target.value as LangLimit)}
          >
            {LIMITS.map((l) => (
              <option key={l} value={l}>
                {t(`limits.${l}`)}
              </option>
            ))}
          </select>
        ) : m.role === "translator" ? (
          t(`limits.${limit}`)
        ) : (
          <span className="hint">–</span>
        )}
      </td>
      {editable && (
        <td>
          <button
            type="button"
            className="mini danger"
            data-testid="member-remove"
            aria-label={t("members.removeName", { name: m.name })}
            onClick={onRemove}
          >
            {t("members.remove")}
          </button>
        </td>
      )}
    </tr>
  );
}

function InviteForm({ projectId, autoFocus }: { projectId: string; autoFocus: boolean }) {
  const { t, i18n } = useTranslation("team");
  const { client } = useTeam();
  const [role, setRole] = useState<ProjectRole>("translator");
  const [limit, setLimit] = useState<LangLimit>("all");
  const [hours, setHours] = useState<number>(168);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const { error, run } = useErrorAction();
  const roleRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (autoFocus) roleRef.current?.focus();
  }, [autoFocus]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    await run(async () => {
      const r = await client.createInvite(projectId, {
        role,
        langs: langsOf(role, limit),
        expiresInHours: hours,
      });
      setLink({ url: inviteLink(location.origin, r.token), expiresAt: r.expiresAt });
    });
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // No clipboard permission: select the link so Ctrl+C copies it.
      const field = document.querySelector<HTMLInputElement>("[data-testid=invite-link]");
      field?.select();
    }
  };

  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "medium",
    timeStyle: "short",
  });

  return (
    <form className="form invite-form" onSubmit={(e) => void submit(e)} data-testid="invite-form">
      <h3>{t("invite.heading")}</h3>
      <div className="form-row">
        <label className="field">
          <span>{t("invite.role")}</span>
          <select
            ref={roleRef}
            data-testid="invite-role"
            value={role}
            onChange={(e) => setRole(e.target.value as ProjectRole)}
          >
            {PROJECT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("invite.langs")}</span>
          <select
            data-testid="invite-langs"
            value={role === "translator" ? limit : "all"}
            disabled={role !== "translator"}
            onChange={(e) => setLimit(e.target.value as LangLimit)}
          >
            {LIMITS.map((l) => (
              <option key={l} value={l}>
                {t(`limits.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("invite.expiry")}</span>
          <select
            data-testid="invite-expiry"
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
          >
            {EXPIRIES.map((h) => (
              <option key={h} value={h}>
                {t(`invite.expiries.h${h}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError error={error} />
      <div className="dialog-actions">
        <button type="submit" className="primary" data-testid="invite-create">
          {t("invite.create")}
        </button>
      </div>
      {link && (
        <div className="invite-result" data-testid="invite-result">
          <label className="field">
            <span>{t("invite.link")}</span>
            <span className="copy-row">
              <input
                readOnly
                data-testid="invite-link"
                value={link.url}
                onFocus={(e) => e.target.select()}
              />
              <button type="button" data-testid="invite-copy" onClick={() => void copy()}>
                <CopyIcon /> {t("invite.copy")}
              </button>
            </span>
          </label>
          <p className="hint" role="status">
            {copied
              ? t("invite.copied")
              : t("invite.expiresAt", { when: when.format(new Date(link.expiresAt)) })}
          </p>
        </div>
      )}
    </form>
  );
}
