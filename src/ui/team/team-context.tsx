/*
 * Team UI (issue 10): accounts, team projects, sharing, invitations, presence and sync status.
 * Everything here appears only when a Selaras server answers GET /api/health at this origin; the
 * app served statically (Vite preview) or opened offline is the local app, without a request more.
 *
 * Test ids kept stable for the end-to-end tests:
 *   sign-in-dialog, sign-in-login, sign-up-name, sign-up-email, sign-in-password, sign-in-submit,
 *   sign-in-switch-signup / sign-in-switch-signin (toggle create account ↔ sign in);
 *   account-menu (Sign in, or the user's name: menu items account-members, account-invite,
 *   account-signout); sync-pill (data-state online|offline|connecting|pending|error),
 *   sync-refused-count, sync-dialog, sync-now, refused-list, refused-item, refused-reason,
 *   refused-dismiss; members-dialog, members-project, member-row (data-user-id, data-role),
 *   member-role, member-langs, member-remove; invite-role, invite-langs, invite-expiry,
 *   invite-create, invite-link, invite-copy; invite-dialog (the /?invite=<token> acceptance),
 *   invite-project, invite-signin, invite-signup, invite-accept, invite-accepted, invite-close;
 *   share-document (document list action), share-dialog, share-project (a project's radio),
 *   share-project-new, share-new-name, share-submit, share-progress, share-done, share-close;
 *   shared-marker (document list, data-project-id); presence-names, presence-person,
 *   presence-<lang>-<row> (the marker on a cell someone else is in; row = 0-based segment index).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { useDb } from "../../db/db-context.ts";
import type { SelarasDb } from "../../db/database.ts";
import { SyncEngine, type PresenceCell, type SyncStatus } from "../../db/sync/engine.ts";
import { createHttpTransport } from "../../db/sync/http-transport.ts";
import type { PresenceEntry } from "../../core/sync/protocol.ts";
import { AccountClient, type Account, type ProjectSummary } from "./account-client.ts";

/** Injected by tests; the real app talks to the page's own origin. */
export interface TeamDeps {
  baseUrl?: string;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  /** The invitation token to show (default: `?invite=` of the page's address). */
  inviteToken?: string | null;
}

/** "checking" until /api/health answered; "none": no Selaras server here (local only, silently). */
export type ServerState = "checking" | "none" | "available";

export interface TeamValue {
  server: ServerState;
  account: Account | null;
  client: AccountClient;
  engine: SyncEngine | null;
  status: SyncStatus | null;
  signIn(login: string, password: string): Promise<void>;
  signUp(input: { name: string; email?: string; password: string }): Promise<void>;
  signOut(): Promise<void>;
  /** Joins every project the server lists for the account (sync state and loops). */
  refreshProjects(): Promise<ProjectSummary[]>;
  /** Joins one project in this browser (after creating it or accepting an invitation). */
  join(project: ProjectSummary): Promise<void>;
  /** The invitation of the page's address, until accepted or closed. */
  inviteToken: string | null;
  closeInvite(): void;
}

/**
 * Someone signed in in this browser before: only then ask /api/auth/me (no 401 otherwise). It holds
 * the account (JSON), so that with the server unreachable the app still knows who works here: the
 * team UI stays, saying offline, edits of shared documents wait in the outbox, and they go once the
 * server answers again (the health check is retried, and the engine retries by itself).
 */
export const SESSION_HINT_KEY = "selaras.team.session";

/** How often the app asks again whether its server is back, while a signed-in user waits. */
export const HEALTH_RETRY_MS = 5_000;

function cachedAccount(): Account | null {
  const value = hint()?.getItem(SESSION_HINT_KEY);
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Account> | null;
    return parsed && typeof parsed.id === "string" && typeof parsed.name === "string"
      ? (parsed as Account)
      : null;
  } catch {
    return null;
  }
}

function hint(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function inviteFromAddress(): string | null {
  if (typeof location === "undefined") return null;
  return new URLSearchParams(location.search).get("invite");
}

const LOCAL_ONLY: TeamValue = {
  server: "none",
  account: null,
  client: new AccountClient("http://localhost/"),
  engine: null,
  status: null,
  signIn: () => Promise.resolve(),
  signUp: () => Promise.resolve(),
  signOut: () => Promise.resolve(),
  refreshProjects: () => Promise.resolve([]),
  join: () => Promise.resolve(),
  inviteToken: null,
  closeInvite: () => undefined,
};

const TeamContext = createContext<TeamValue>(LOCAL_ONLY);

/** Other members where they are: entries of the open document, by cell. */
export interface PresenceValue {
  /** Every other client of the open document (one entry per client). */
  others: PresenceEntry[];
  /** `segmentId lang` → the other clients in that cell. */
  byCell: ReadonlyMap<string, PresenceEntry[]>;
  /** The grid says where this user is (null docId: left the document). */
  report(docId: string | null, cell: PresenceCell | null): void;
}

const PresenceContext = createContext<PresenceValue>({
  others: [],
  byCell: new Map(),
  report: () => undefined,
});

export const presenceCellKey = (segmentId: string, lang: string) => `${segmentId} ${lang}`;

export function useTeam(): TeamValue {
  return useContext(TeamContext);
}

export function usePresence(): PresenceValue {
  return useContext(PresenceContext);
}

function newEngine(db: SelarasDb, deps: TeamDeps, baseUrl: string): SyncEngine {
  return new SyncEngine(
    db,
    createHttpTransport(baseUrl, { fetch: deps.fetch, WebSocket: deps.WebSocket }),
  );
}

/**
 * Knows whether a Selaras server answers at this origin, who is signed in, and runs one
 * SyncEngine while someone is. Without a server, or signed out, the app is exactly the local app.
 */
export function TeamProvider({ deps = {}, children }: { deps?: TeamDeps; children: ReactNode }) {
  const db = useDb();
  const baseUrl = deps.baseUrl ?? (typeof location !== "undefined" ? location.origin : "");
  const depsRef = useRef(deps);
  const client = useMemo(() => new AccountClient(baseUrl, depsRef.current.fetch), [baseUrl]);
  const [server, setServer] = useState<ServerState>("checking");
  const [account, setAccount] = useState<Account | null>(null);
  const [engine, setEngine] = useState<SyncEngine | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // False while the server does not answer its health check (a start without it): the engine has
  // then no project to try, so it cannot tell; the pill says offline all the same.
  const [reachable, setReachable] = useState(true);
  const [presence, setPresence] = useState<Map<string, PresenceEntry[]>>(new Map());
  const [clientId, setClientId] = useState<string | null>(null);
  const [openDoc, setOpenDoc] = useState<string | null>(null);
  const [inviteToken, setInviteToken] = useState<string | null>(() =>
    deps.inviteToken !== undefined ? deps.inviteToken : inviteFromAddress(),
  );

  // Is there a server, and (when this browser signed in before) who is signed in?
  useEffect(() => {
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let unreachable = false;
    const check = async () => {
      if (retry !== null) clearTimeout(retry);
      retry = null;
      const ok = await client.health();
      if (cancelled) return;
      if (!ok) {
        // Unreachable: a user who signed in here before keeps the team UI (offline) and the
        // outbox; everyone else simply works locally. Ask again until the server answers.
        const cached = cachedAccount();
        if (cached) {
          unreachable = true;
          setReachable(false);
          setAccount((cur) => cur ?? cached);
          setServer("available");
          retry = setTimeout(() => void check(), HEALTH_RETRY_MS);
        } else {
          setServer((cur) => (cur === "available" ? cur : "none"));
        }
        return;
      }
      window.removeEventListener("online", recheck);
      setReachable(true);
      let user: Account | null = null;
      if (hint()?.getItem(SESSION_HINT_KEY)) {
        try {
          user = await client.me();
        } catch {
          // The server answered health but not me (restarting): keep who we knew, try again.
          user = cachedAccount();
          retry = setTimeout(() => void check(), HEALTH_RETRY_MS);
        }
        if (!user) hint()?.removeItem(SESSION_HINT_KEY);
        else hint()?.setItem(SESSION_HINT_KEY, JSON.stringify(user));
      }
      if (cancelled) return;
      setAccount((cur) => (cur && user && cur.id === user.id ? cur : user));
      setServer("available");
      if (unreachable && user) {
        // Back after an unreachable start: join what the server lists (new projects, roles).
        unreachable = false;
        const engine = engineRef.current;
        if (engine) {
          await client
            .projects()
            .then(async (projects) => {
              for (const p of projects) await engine.joinProject(p);
            })
            .catch(() => undefined);
          void engine.syncNow();
        }
      }
    };
    // Opened offline: look again when the browser is back online.
    const recheck = () => void check();
    window.addEventListener("online", recheck);
    void check();
    return () => {
      cancelled = true;
      if (retry !== null) clearTimeout(retry);
      window.removeEventListener("online", recheck);
    };
  }, [client]);

  // One engine while signed in.
  const engineRef = useRef<SyncEngine | null>(null);
  useEffect(() => {
    if (!account) return;
    const e = newEngine(db, depsRef.current, baseUrl);
    engineRef.current = e;
    setEngine(e);
    // The engine's pending count comes from a live query that does not always hear the deletes of
    // an acknowledgement (seen in the component tests): count again on every status.
    const offStatus = e.subscribe((next) => {
      setStatus(next);
      void db.outbox.count().then(
        (pending) =>
          setStatus((cur) => (cur && cur.pending !== pending ? { ...cur, pending } : cur)),
        () => undefined,
      );
    });
    const offPresence = e.onPresence((projectId, entries) =>
      setPresence((prev) => new Map(prev).set(projectId, entries)),
    );
    void e.clientId().then(setClientId);
    let stopped = false;
    void (async () => {
      await e.start();
      if (stopped) return;
      try {
        for (const p of await client.projects()) await e.joinProject(p);
      } catch {
        // Offline or refused: the projects already joined sync anyway; the pill says the state.
      }
    })();
    return () => {
      stopped = true;
      offStatus();
      offPresence();
      e.stop();
      engineRef.current = null;
      setEngine(null);
      setStatus(null);
      setPresence(new Map());
    };
  }, [account, db, client, baseUrl]);

  const signedIn = useCallback((user: Account) => {
    hint()?.setItem(SESSION_HINT_KEY, JSON.stringify(user));
    setAccount(user);
  }, []);

  const signIn = useCallback(
    async (login: string, password: string) => signedIn(await client.signIn({ login, password })),
    [client, signedIn],
  );
  const signUp = useCallback(
    async (input: { name: string; email?: string; password: string }) =>
      signedIn(await client.signUp(input)),
    [client, signedIn],
  );
  const signOut = useCallback(async () => {
    engineRef.current?.stop();
    hint()?.removeItem(SESSION_HINT_KEY);
    setAccount(null);
    await client.signOut().catch(() => undefined);
  }, [client]);

  const join = useCallback(async (project: ProjectSummary) => {
    const e = engineRef.current;
    if (e) await e.joinProject(project);
  }, []);

  const refreshProjects = useCallback(async () => {
    const list = await client.projects();
    for (const p of list) await join(p);
    return list;
  }, [client, join]);

  const team = useMemo<TeamValue>(
    () => ({
      server,
      account,
      client,
      engine,
      status:
        status && !reachable && status.connection !== "offline"
          ? { ...status, connection: "offline" }
          : status,
      signIn,
      signUp,
      signOut,
      refreshProjects,
      join,
      inviteToken,
      closeInvite: () => {
        setInviteToken(null);
        if (typeof location !== "undefined" && location.search.includes("invite=")) {
          const url = new URL(location.href);
          url.searchParams.delete("invite");
          history.replaceState(history.state, "", url.toString());
        }
      },
    }),
    [
      server,
      account,
      client,
      engine,
      status,
      reachable,
      signIn,
      signUp,
      signOut,
      refreshProjects,
      join,
      inviteToken,
    ],
  );

  const report = useCallback((docId: string | null, cell: PresenceCell | null) => {
    setOpenDoc(docId);
    void engineRef.current?.setPresence(docId, cell).catch(() => undefined);
  }, []);

  const accountId = account?.id ?? null;
  const presenceValue = useMemo<PresenceValue>(() => {
    const others: PresenceEntry[] = [];
    const byCell = new Map<string, PresenceEntry[]>();
    for (const entries of presence.values()) {
      for (const entry of entries) {
        // "Who else": not this browser, nor this account's other tabs (the server may name
        // clients by connection, not by this database's client id).
        if (entry.clientId === clientId || entry.userId === accountId) continue;
        if (!openDoc || entry.docId !== openDoc) continue;
        others.push(entry);
        if (!entry.cell) continue;
        const key = presenceCellKey(entry.cell.segmentId, entry.cell.lang);
        const list = byCell.get(key);
        if (list) list.push(entry);
        else byCell.set(key, [entry]);
      }
    }
    return { others, byCell, report };
  }, [presence, clientId, accountId, openDoc, report]);

  return (
    <TeamContext.Provider value={team}>
      <PresenceContext.Provider value={presenceValue}>{children}</PresenceContext.Provider>
    </TeamContext.Provider>
  );
}
