import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useRefusedCount } from "./refused-list.tsx";
import { useTeam } from "./team-context.tsx";
import { ChevronIcon, PersonIcon } from "../shared/icons.tsx";
import { SignInDialog } from "./sign-in-dialog.tsx";
import { MembersDialog } from "./members-dialog.tsx";
import { SyncDialog } from "./refused-list.tsx";
import { SyncPill } from "./sync-pill.tsx";
import { InviteDialog } from "./invite-dialog.tsx";
import { useProfile } from "../../db/hooks.ts";
import "./team.css";

type Open = null | "signin" | "members" | "invite" | "sync";

/**
 * The header's team tools, only when a Selaras server answers here: the sync pill (signed in) and
 * the account button (Sign in, or the user's name → Members…, Invite…, Sign out); and the
 * invitation of `/?invite=<token>`. Without a server: nothing at all.
 */
/** The account menu's items, in order: what each does, its test id, its label. */
const MENU_ITEMS = [
  ["members", "account-members", "account.members"],
  ["invite", "account-invite", "account.invite"],
  ["signout", "account-signout", "account.signOut"],
] as const;

export function TeamHeaderTools() {
  const team = useTeam();
  const [open, setOpen] = useState<Open>(null);
  const refused = useRefusedCount();
  // A first start asks for the profile (a dialog that must be answered): an invitation opened
  // then waits for it, one dialog at a time (else it lay over the profile's fields).
  const profile = useProfile();
  if (team.server !== "available") return null;
  // Focus returns to the account button (the menu's items are gone with the menu).
  const close = () => {
    setOpen(null);
    setTimeout(() => document.querySelector<HTMLElement>("[data-testid=account-menu]")?.focus(), 0);
  };
  return (
    <>
      {team.account && team.status && (
        <SyncPill status={team.status} refused={refused} onOpen={() => setOpen("sync")} />
      )}
      <AccountMenu onOpen={setOpen} />
      {open === "signin" && <SignInDialog onClose={close} />}
      {(open === "members" || open === "invite") && (
        <MembersDialog focusInvite={open === "invite"} onClose={close} />
      )}
      {open === "sync" && <SyncDialog onClose={close} />}
      {team.inviteToken && open === null && profile && (
        <InviteDialog token={team.inviteToken} onClose={team.closeInvite} />
      )}
    </>
  );
}

function AccountMenu({ onOpen }: { onOpen: (open: Open) => void }) {
  const { t } = useTranslation("team");
  const team = useTeam();
  const [expanded, setExpanded] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!expanded) return;
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const outside = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setExpanded(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [expanded]);

  if (!team.account)
    return (
      <button
        type="button"
        className="account-button"
        data-testid="account-menu"
        onClick={() => onOpen("signin")}
      >
        <PersonIcon /> {t("account.signIn")}
      </button>
    );

  const closeMenu = () => {
    setExpanded(false);
    button.current?.focus();
  };
  const choose = (what: "members" | "invite" | "signout") => {
    closeMenu();
    if (what === "signout") void team.signOut();
    else onOpen(what);
  };
  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === "Escape") {
      e.preventDefault();
      closeMenu();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      go(at + 1);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      go(at - 1);
    } else if (e.key === "Home") {
      e.preventDefault();
      go(0);
    } else if (e.key === "End") {
      e.preventDefault();
      go(items.length - 1);
    } else if (e.key === "Tab") setExpanded(false);
  };

  const name = team.account.name;
  return (
    <div className="account-menu">
      <button
        ref={button}
        type="button"
        className="account-button"
        data-testid="account-menu"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-label={t("account.menu", { name })}
        title={t("account.signedInAs", { name })}
        onClick={() => setExpanded((x) => !x)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setExpanded(true);
          }
        }}
      >
        <PersonIcon /> <span className="account-name">{name}</span> <ChevronIcon />
      </button>
      {expanded && (
        <ul
          ref={menu}
          className="menu"
          role="menu"
          aria-label={t("account.menu", { name })}
          onKeyDown={onMenuKey}
        >
          {MENU_ITEMS.map(([what, testId, label]) => (
            <li role="none" key={what}>
              <button
                type="button"
                role="menuitem"
                data-testid={testId}
                tabIndex={-1}
                onClick={() => choose(what)}
              >
                {t(label)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
