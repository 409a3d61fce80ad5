import { useState } from "react";
import { MagnifierIcon, PencilIcon } from "../shared/icons.tsx";
import { useTranslation } from "react-i18next";
import { useProfile } from "../../db/hooks.ts";
import { ProfileDialog } from "./profile-dialog.tsx";

/** Header: who is working and in which role; opens the profile dialog (forced on first start). */
export function ProfileButton() {
  const { t } = useTranslation();
  const profile = useProfile();
  const [open, setOpen] = useState(false);
  if (profile === undefined) return null;
  return (
    <>
      {profile && (
        <button
          type="button"
          className="profile-button"
          data-testid="profile-open"
          data-role={profile.role}
          onClick={() => setOpen(true)}
          title={t("profile.titleChange")}
        >
          {profile.role === "reviewer" ? <MagnifierIcon /> : <PencilIcon />} {profile.name} ·{" "}
          {t(`profile.roles.${profile.role}`)}
        </button>
      )}
      {(profile === null || open) && (
        <ProfileDialog current={profile} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
