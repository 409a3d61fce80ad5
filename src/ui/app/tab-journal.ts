import { JOURNAL_KEY, tabJournalKey } from "../../db/autosave.ts";

/**
 * Each tab journals its unsaved edits under its own key (issue 14 item 3: one shared key let a tab's
 * journal overwrite another's pending edits). A tab holds a Web Lock named after its id for as
 * long as it lives; at start a tab replays its own journal (a reload of the same tab) and those
 * of tabs whose lock is free (closed or killed), never the journal of a tab that is still open.
 * The id is kept in sessionStorage so a reload keeps it; a duplicated tab (same sessionStorage)
 * finds the lock taken and picks a new one. Without Web Locks there is one shared key, as before.
 */
export interface TabJournal {
  /** This tab's journal key. */
  key: string;
  /** Journal keys to replay at start: this tab's and those of tabs no longer open. */
  replay: string[];
  /** Journal keys of the other tabs still open (their journals are theirs, never replayed here). */
  live: string[];
}

const TAB_ID_KEY = "selaras.tabId";
const LOCK_PREFIX = "selaras-tab:";

/** The journal keys of tabs that are not open (`live`: ids whose lock is held), and the legacy key. */
export function keysToReplay(
  keys: readonly string[],
  own: string,
  live: ReadonlySet<string>,
): string[] {
  const prefix = `${JOURNAL_KEY}.`;
  return keys.filter(
    (k) =>
      k === own || k === JOURNAL_KEY || (k.startsWith(prefix) && !live.has(k.slice(prefix.length))),
  );
}

function randomId(): string {
  return crypto.randomUUID();
}

/** Holds the lock `name` for the life of the page, if free; resolves whether it was taken. */
function holdLock(locks: LockManager, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    void locks
      .request(name, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        // Held until the page goes (the browser releases it when the tab closes or dies).
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      .catch(() => resolve(false));
  });
}

export async function claimTabJournal(
  storage: Storage | null,
  session: Storage | null,
  locks: LockManager | null = typeof navigator !== "undefined" ? (navigator.locks ?? null) : null,
): Promise<TabJournal> {
  if (!storage || !locks) return { key: JOURNAL_KEY, replay: [JOURNAL_KEY], live: [] };
  const kept = session?.getItem(TAB_ID_KEY) ?? null;
  let id = kept ?? randomId();
  let held = await holdLock(locks, LOCK_PREFIX + id);
  // After a reload the page going away may hold this tab's lock a moment longer: wait for it
  // (bounded, 1 s) before taking the tab for a duplicate (same sessionStorage, lock held for good).
  for (let wait = 0; !held && kept !== null && wait < 20; wait++) {
    await new Promise((r) => setTimeout(r, 50));
    held = await holdLock(locks, LOCK_PREFIX + id);
  }
  // A fresh random id is free at once; bounded all the same.
  for (let tries = 0; !held && tries < 5; tries++) {
    id = randomId();
    held = await holdLock(locks, LOCK_PREFIX + id);
  }
  try {
    session?.setItem(TAB_ID_KEY, id);
  } catch {
    // Without sessionStorage a reload gets a new id; its old journal is replayed as an orphan.
  }
  const state = await locks.query().catch(() => ({ held: [] as LockInfo[] }));
  const live = new Set(
    (state.held ?? [])
      .map((l) => l.name ?? "")
      .filter((n) => n.startsWith(LOCK_PREFIX))
      .map((n) => n.slice(LOCK_PREFIX.length)),
  );
  live.delete(id);
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null) keys.push(k);
  }
  const key = tabJournalKey(id);
  return { key, replay: keysToReplay(keys, key, live), live: [...live].map(tabJournalKey) };
}
