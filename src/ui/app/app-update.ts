/**
 * The service worker's side of the app (issue 10 item 5): registers the worker that vite-plugin-pwa
 * builds (registerType "prompt": a new version waits) and tells the banner when a new version is
 * ready. Nothing happens in development or tests (no worker there).
 */
export interface AppUpdate {
  /** A new version is installed and waiting. */
  ready: boolean;
  /** Activates the waiting version and reloads the page (call only with nothing pending). */
  apply: () => Promise<void>;
}

type Listener = () => void;

let state: AppUpdate = { ready: false, apply: () => Promise.resolve() };
const listeners = new Set<Listener>();
let started = false;

function set(next: AppUpdate): void {
  state = next;
  for (const l of listeners) l();
}

export function appUpdateState(): AppUpdate {
  return state;
}

export function subscribeAppUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: a new version is (or is no longer) offered, with what Update does. */
export function offerAppUpdate(apply: (() => Promise<void>) | null): void {
  set(apply ? { ready: true, apply } : { ready: false, apply: () => Promise.resolve() });
}

/** Registers the service worker once, in a production build in a browser that has them. */
export function startAppUpdates(): void {
  if (started || !import.meta.env.PROD) return;
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  started = true;
  void import("virtual:pwa-register").then(({ registerSW }) => {
    const update = registerSW({
      immediate: true,
      onNeedRefresh: () => offerAppUpdate(() => update(true)),
    });
  });
}
