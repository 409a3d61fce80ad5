import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProjects } from "../../db/hooks.ts";
import { useTeam } from "./team-context.tsx";
import { ShareIcon, TeamIcon } from "../shared/icons.tsx";
import { ShareDialog } from "./share-dialog.tsx";
import { SignInDialog } from "./sign-in-dialog.tsx";
import "./team.css";

/** On a shared document of the list: a team icon and the project's name (its accessible name). */
export function SharedMarker({ projectId }: { projectId: string }) {
  const { t } = useTranslation("team");
  const projects = useProjects();
  const name = projects?.find((p) => p.projectId === projectId)?.name ?? t("share.unknownProject");
  const label = t("share.marker", { project: name });
  return (
    <span
      className="shared-marker"
      data-testid="shared-marker"
      data-project-id={projectId}
      role="img"
      aria-label={label}
      title={label}
    >
      <TeamIcon />
      <span aria-hidden="true">{name}</span>
    </span>
  );
}

/**
 * "Share to team project…" of a local document, only when a Selaras server answers here; signed
 * out, it asks to sign in first and then opens the share dialog.
 */
export function ShareAction({
  docId,
  title,
  shared = false,
}: {
  docId: string;
  title: string;
  /** Already shared: no button, but a share dialog still open stays (it shows the upload). */
  shared?: boolean;
}) {
  const { t } = useTranslation("team");
  const team = useTeam();
  const [open, setOpen] = useState<null | "signin" | "share">(null);
  if (team.server !== "available") return null;
  return (
    <>
      {!shared && (
        <button
          type="button"
          className="mini share-button"
          data-testid="share-document"
          aria-label={t("share.actionOf", { title })}
          title={t("share.actionOf", { title })}
          onClick={() => setOpen(team.account ? "share" : "signin")}
        >
          <ShareIcon /> {t("share.action")}
        </button>
      )}
      {open === "signin" && (
        <SignInDialog onDone={() => setOpen("share")} onClose={() => setOpen(null)} />
      )}
      {open === "share" && team.account && (
        <ShareDialog docId={docId} title={title} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
