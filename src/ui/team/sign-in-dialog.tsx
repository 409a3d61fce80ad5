import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../shared/dialog.tsx";
import { FormError } from "../shared/error-text.tsx";
import { useErrorAction } from "../shared/use-error-action.ts";
import { useTeam } from "./team-context.tsx";

export type SignInMode = "signin" | "signup";

/** Sign in with a name or e-mail and a password, or create an account (a link switches). */
export function SignInDialog({
  initialMode = "signin",
  onClose,
  onDone,
}: {
  initialMode?: SignInMode;
  onClose: () => void;
  /** Signed in: the caller takes over (closes or replaces the dialog); without it, onClose. */
  onDone?: () => void;
}) {
  const { t } = useTranslation("team");
  const team = useTeam();
  const [mode, setMode] = useState<SignInMode>(initialMode);
  const [login, setLogin] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const { error, setError, run } = useErrorAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const ok = await run(() =>
      mode === "signin"
        ? team.signIn(login.trim(), password)
        : team.signUp({ name: name.trim(), email: email.trim() || undefined, password }),
    );
    setBusy(false);
    if (ok) {
      if (onDone) onDone();
      else onClose();
    }
  };

  const switchTo = (next: SignInMode) => {
    setMode(next);
    setError(null);
    setPassword("");
  };

  const signin = mode === "signin";
  return (
    <Dialog
      key={mode}
      title={signin ? t("signIn.title") : t("signUp.title")}
      onClose={onClose}
      testId="sign-in-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <p className="hint">{signin ? t("signIn.intro") : t("signUp.intro")}</p>
        {signin ? (
          <label className="field">
            <span>{t("signIn.login")}</span>
            <input
              data-testid="sign-in-login"
              name="username"
              autoComplete="username"
              value={login}
              required
              maxLength={320}
              onChange={(e) => setLogin(e.target.value)}
            />
          </label>
        ) : (
          <>
            <label className="field">
              <span>{t("signUp.name")}</span>
              <input
                data-testid="sign-up-name"
                name="username"
                autoComplete="username"
                value={name}
                required
                maxLength={100}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t("signUp.email")}</span>
              <input
                data-testid="sign-up-email"
                type="email"
                autoComplete="email"
                value={email}
                maxLength={320}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
          </>
        )}
        <label className="field">
          <span>{t("signIn.password")}</span>
          <input
            data-testid="sign-in-password"
            type="password"
            autoComplete={signin ? "current-password" : "new-password"}
            value={password}
            required
            minLength={signin ? undefined : 8}
            maxLength={1024}
            onChange={(e) => setPassword(e.target.value)}
          />
          {!signin && <span className="hint">{t("signUp.passwordHint", { min: 8 })}</span>}
        </label>
        <FormError error={error} />
        <div className="dialog-actions">
          <button
            type="button"
            className="link-button"
            data-testid={signin ? "sign-in-switch-signup" : "sign-in-switch-signin"}
            onClick={() => switchTo(signin ? "signup" : "signin")}
          >
            {signin ? t("signIn.toSignUp") : t("signUp.toSignIn")}
          </button>
          <button type="button" onClick={onClose}>
            {t("cancel")}
          </button>
          <button type="submit" className="primary" data-testid="sign-in-submit" disabled={busy}>
            {signin ? t("signIn.submit") : t("signUp.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
