/**
 * Persistent storage (the Storage API): without it a browser may delete the site's data when the
 * disk runs low (Chromium evicts best-effort sites first) or after weeks without a visit (Safari).
 * Selaras asks once per browser profile at start (Chromium and Safari decide without a question,
 * Firefox asks the user), and Settings shows the answer and can ask again.
 */
export type PersistenceState = "persisted" | "best-effort" | "unsupported";

/** The part of `navigator.storage` used here (tests pass their own). */
export type PersistenceApi = Pick<StorageManager, "persisted" | "persist">;

export function browserPersistence(): PersistenceApi | null {
  const storage = (globalThis as { navigator?: { storage?: Partial<StorageManager> } }).navigator
    ?.storage;
  return typeof storage?.persisted === "function" && typeof storage.persist === "function"
    ? (storage as PersistenceApi)
    : null;
}

/** What the browser answers: "unsupported" without the API or when the call fails. */
async function answer(
  api: PersistenceApi | null,
  call: (api: PersistenceApi) => Promise<boolean>,
): Promise<PersistenceState> {
  if (!api) return "unsupported";
  try {
    return (await call(api)) ? "persisted" : "best-effort";
  } catch {
    return "unsupported";
  }
}

export function persistenceState(api: PersistenceApi | null): Promise<PersistenceState> {
  return answer(api, (a) => a.persisted());
}

/** Asks the browser to keep the data; resolves to what it then says. */
export function askPersistence(api: PersistenceApi | null): Promise<PersistenceState> {
  return answer(api, (a) => a.persist());
}

const ASKED_KEY = "selaras.persistenceAsked";

/** At start: asks once per profile (a refusal is not asked again at each start; Settings can). */
export async function askPersistenceOnce(
  api: PersistenceApi | null,
  store: Pick<Storage, "getItem" | "setItem"> | null,
): Promise<void> {
  if ((await persistenceState(api)) !== "best-effort") return;
  try {
    if (store?.getItem(ASKED_KEY)) return;
    store?.setItem(ASKED_KEY, new Date().toISOString());
  } catch {
    // No localStorage (a private window that refuses it): asking at each start is harmless.
  }
  await askPersistence(api);
}
