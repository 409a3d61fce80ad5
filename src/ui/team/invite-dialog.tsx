import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import type { InviteInfo, ProjectSummary } from "./account-client.ts";
import { useTeam } from "./team-context.tsx";
import { SignInDialog, type SignInMode } from "./sign-in-dialog.tsx";
import { limitOf } from "./members-dialog.tsx";

/**
 * The invitation of `/?invite=<token>`: project, role, language limit, who invited, expiry. A
 * signed-in user accepts it; anyone else signs in or creates an account first, and the invitation is
 * accepted right after. The project's documents then arrive through sync.
 */
export function InviteDialog({ token, onClose }: { token: string; onClose: () => void }) {
  const { t, i18n } = useTranslation("team");
  const team = useTeam();
  const [invite, setInvite] = useState<InviteInfo | null>(null);
  const [accepted, setAccepted] = useState<ProjectSummary | null>(null);
  const [signIn, setSignIn] = useState<SignInMode | null>(null);
  const acceptAfterSignIn = useRef(false);
  const { error, run } = useErrorAction();
  const { client, account, join } = team;

  useEffect(() => {
    void run(async () => setInvite(await client.invite(token)));
  }, [run, client, token]);

  const accept = () =>
    run(async () => {
      const project = await client.acceptInvite(token);
      await join(project);
      setAccepted(project);
    });

  // Signed in from this dialog: accept at once (the engine for the account starts first).
  useEffect(() => {
    if (account && team.engine && acceptAfterSignIn.current) {
      acceptAfterSignIn.current = false;
      void accept();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [account, team.engine]);

  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: "medium",
    timeStyle: "short",
  });

  if (signIn)
    return (
      <SignInDialog
        initialMode={signIn}
        onDone={() => {
          acceptAfterSignIn.current = true;
          setSignIn(null);
        }}
        onClose={() => setSignIn(null)}
      />
    );

  return (
    <Dialog title={t("join.title")} onClose={onClose} testId="invite-dialog">
      {!invite && !error && (
        <p className="loading" role="status">
          {t("loading")}
        </p>
      )}
      {invite && !accepted && (
        <dl className="invite-facts" data-testid="invite-facts">
          <dt>{t("join.project")}</dt>
          <dd data-testid="invite-project">{invite.projectName}</dd>
          <dt>{t("join.role")}</dt>
          <dd data-testid="invite-role-shown">
            {t(`roles.${invite.role}`)}
            {invite.role === "translator" && ` · ${t(`limits.${limitOf(invite.langs)}`)}`}
          </dd>
          <dt>{t("join.invitedBy")}</dt>
          <dd>{invite.invitedBy}</dd>
          <dt>{t("join.expires")}</dt>
          <dd>{when.format(new Date(invite.expiresAt))}</dd>
        </dl>
      )}
      {accepted && (
        <p className="form-success" role="status" data-testid="invite-accepted">
          {t("join.accepted", { project: accepted.name })}
        </p>
      )}
      <FormError error={error} />
      <div className="dialog-actions">
        {invite && !accepted && !account && (
          <>
            <button type="button" data-testid="invite-signup" onClick={() => setSignIn("signup")}>
              {t("join.signUp")}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="invite-signin"
              onClick={() => setSignIn("signin")}
            >
              {t("join.signIn")}
            </button>
          </>
        )}
        {invite && !accepted && account && (
          <button
            type="button"
            className="primary"
            data-testid="invite-accept"
            onClick={() => void accept()}
          >
            {t("join.accept", { name: account.name })}
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="invite-close">
          {accepted ? t("close") : t("join.later")}
        </button>
      </div>
    </Dialog>
  );
}
