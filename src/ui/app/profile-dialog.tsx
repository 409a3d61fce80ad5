import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { saveProfile } from "../../db/operations/profile.ts";
import { ROLES, type Profile, type Role } from "../../core/model/profile.ts";
import { Dialog } from "../shared/dialog.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { FormError } from "../shared/error-text.tsx";

/**
 * Asks for the display name and role once (first start: required, no role chosen for the user, Esc
 * does not skip it and it says why); reopened from the header to change them.
 */
export function ProfileDialog({
  current,
  onClose,
}: {
  current: Profile | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const [name, setName] = useState(current?.name ?? "");
  const [role, setRole] = useState<Role | null>(current?.role ?? null);
  const [escaped, setEscaped] = useState(false);
  const { error, setError, run } = useErrorAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!role) setError({ code: "profile.roleMissing", params: {} });
    else if (await run(() => saveProfile(db, { name, role }))) onClose();
  };

  return (
    <Dialog
      title={current ? t("profile.titleChange") : t("profile.titleWelcome")}
      onClose={onClose}
      required={!current}
      onEscape={() => setEscaped(true)}
      testId="profile-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)}>
        {!current && <p className="hint">{t("profile.intro")}</p>}
        {!current && (
          <p
            className={escaped ? "form-error" : "hint"}
            data-testid="profile-required"
            role={escaped ? "alert" : undefined}
          >
            {t("profile.required")}
          </p>
        )}
        <label className="field">
          <span>{t("profile.name")}</span>
          <input
            data-testid="profile-name"
            value={name}
            autoFocus
            required
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <fieldset className="field">
          <legend>{t("profile.role")}</legend>
          {ROLES.map((r) => (
            <label key={r} className="radio">
              <input
                type="radio"
                name="role"
                value={r}
                data-testid={`profile-role-${r}`}
                checked={role === r}
                onChange={() => setRole(r)}
              />
              {t(`profile.roles.${r}`)}
            </label>
          ))}
        </fieldset>
        <FormError error={error} />
        <div className="dialog-actions">
          {current && (
            <button type="button" onClick={onClose}>
              {t("cancel")}
            </button>
          )}
          <button type="submit" className="primary" data-testid="profile-save">
            {t("profile.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
