import type { DBCore, DBCoreMutateRequest, DBCoreTable } from "dexie";
import type { SelarasDb } from "./database.ts";

/**
 * Disk-space guard (issue 14 item 1). Measured on Chromium 156 with a profile on a full tmpfs:
 * an IndexedDB write that runs out of disk fails with "UnknownError … FILE_ERROR_NO_SPACE", the
 * browser then treats its store as damaged and, at the next open, deletes the origin's data
 * (every record written before was gone), and while the disk stays full `indexedDB.open` fails
 * ("Internal error opening backing store"). The browser's quota figure does not show it
 * (`navigator.storage.estimate()` reported 1 GiB of quota on a 64 MiB disk). So Selaras must stop
 * writing before the disk is full, never after.
 *
 * The guard probes for room by writing a small file into the origin private file system (a probe
 * that fails there harms nothing) and keeps a reserve file there: while the probe fails the
 * database refuses every write that adds data (deletes still run, so documents can be deleted),
 * and the reserve is given up so that IndexedDB keeps some room for those deletes. Writing resumes
 * once the probe has room for the probe and the reserve again (the reserve is then made anew).
 *
 * What it cannot do (measured on Chromium 156, the profile's files listed every 3 ms): when the
 * disk runs full while the browser is in the middle of a write for the site (a probe of this
 * guard, the service worker's cache), the browser may delete every store of the site some 10–20
 * ms later, persistent storage or not; no page API shows the disk's free space beforehand
 * (`estimate()` reports a quota unrelated to it), so only a disk that fills between writes is
 * caught in time (see test/e2e/storage-full.spec.ts).
 */
export interface SpaceStore {
  /** Writes a file of `bytes` bytes; rejects when the disk has no room. */
  write(name: string, bytes: number): Promise<void>;
  remove(name: string): Promise<void>;
  exists(name: string): Promise<boolean>;
}

export const PROBE_BYTES = 1 << 20;
export const RESERVE_BYTES = 2 << 20;
/** A probe result is trusted this long (the autosave asks before each write). */
export const PROBE_VALID_MS = 3_000;

/**
 * The probe before each write that adds data (a keystroke's journal entry, a save): small enough
 * to run while typing (measured in Chromium 156: 64 KiB in 6.7 ms median, 13.8 ms p90, against
 * 12.0 / 19.5 ms for 1 MiB), so a disk that filled since the last full probe is found before
 * IndexedDB writes to it. Probes within QUICK_VALID_MS of another are shared.
 */
export const QUICK_PROBE_BYTES = 64 << 10;
export const QUICK_VALID_MS = 100;

const PROBE_FILE = "selaras-space-probe";
const QUICK_FILE = "selaras-space-quick";
const RESERVE_FILE = "selaras-space-reserve";

/** The origin private file system, or null where there is none (Node tests, old browsers). */
export function opfsSpaceStore(): SpaceStore | null {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (!storage || typeof storage.getDirectory !== "function") return null;
  const root = () => storage.getDirectory();
  return {
    async write(name, bytes) {
      const file = await (await root()).getFileHandle(name, { create: true });
      const writable = await file.createWritable();
      try {
        // One write (measured: 1 MiB in ~10–13 ms median, 16 writes of 64 KiB took ~25–30 ms).
        await writable.write(new Uint8Array(bytes).fill(0x5a));
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => undefined);
        throw error;
      }
    },
    async remove(name) {
      await (await root()).removeEntry(name).catch(() => undefined);
    },
    async exists(name) {
      try {
        await (await root()).getFileHandle(name);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The error a write refused by the guard fails with (mapped to storage.quota like the browser's). */
export function spaceError(): DOMException {
  return new DOMException(
    "Selaras stopped writing: the disk is (almost) full.",
    "QuotaExceededError",
  );
}

export class SpaceGuard {
  /** True while writes that add data are refused. */
  low = false;
  private checkedAt = -Infinity;
  private running: Promise<boolean> | null = null;
  private quickAt = -Infinity;
  private quick: Promise<boolean> | null = null;
  private readonly listeners = new Set<(low: boolean) => void>();

  constructor(
    private readonly store: SpaceStore | null,
    private readonly now: () => number = () => Date.now(),
  ) {}

  subscribe(listener: (low: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Is there room to write? Probes at most every PROBE_VALID_MS unless `fresh`. */
  check(fresh = false): Promise<boolean> {
    if (!this.store) return Promise.resolve(true);
    if (this.running) return this.running;
    if (!fresh && this.now() - this.checkedAt < PROBE_VALID_MS) return Promise.resolve(!this.low);
    this.running = this.probe().finally(() => {
      this.running = null;
      this.checkedAt = this.now();
    });
    return this.running;
  }

  /**
   * Is there room right now? The full probe when its answer is older than PROBE_VALID_MS (or the
   * disk is low, or one runs), else a small probe unless one ran within QUICK_VALID_MS: a disk
   * filled between two full probes (a download, another program) made the next IndexedDB write run
   * out of disk, and Chromium then deleted the origin's database. A quick probe without room runs
   * the full one (the guard goes low, the reserve is given up).
   */
  checkNow(): Promise<boolean> {
    if (!this.store) return Promise.resolve(true);
    const now = this.now();
    if (this.low || this.running || now - this.checkedAt >= PROBE_VALID_MS) return this.check();
    if (this.quick) return this.quick;
    if (now - Math.max(this.quickAt, this.checkedAt) < QUICK_VALID_MS) return Promise.resolve(true);
    this.quick = this.quickProbe().finally(() => {
      this.quick = null;
      this.quickAt = this.now();
    });
    return this.quick;
  }

  private async quickProbe(): Promise<boolean> {
    const store = this.store!;
    let full = false;
    try {
      await store.write(QUICK_FILE, QUICK_PROBE_BYTES);
    } catch (error) {
      full = isQuotaError(error);
    }
    await store.remove(QUICK_FILE);
    return full ? this.check(true) : true;
  }

  private async probe(): Promise<boolean> {
    const store = this.store!;
    const hadReserve = await store.exists(RESERVE_FILE);
    // Leaving the low state needs room for the reserve again, or writing would soon eat it.
    const need = PROBE_BYTES + (hadReserve ? 0 : RESERVE_BYTES);
    // Only a quota error means "no room" (measured: Chromium's file system throws
    // QuotaExceededError on a full disk); any other failure (no file system here, a private
    // window that refuses it) tells nothing, and must not make the app read-only.
    let room = true;
    try {
      await store.write(PROBE_FILE, need);
    } catch (error) {
      room = !isQuotaError(error);
    }
    await store.remove(PROBE_FILE);
    if (room && !hadReserve) {
      try {
        await store.write(RESERVE_FILE, RESERVE_BYTES);
      } catch (error) {
        await store.remove(RESERVE_FILE);
        room = !isQuotaError(error);
      }
    }
    // No room: give the reserve to IndexedDB (deletes and what is in flight need a little).
    if (!room) await store.remove(RESERVE_FILE);
    this.setLow(!room);
    return room;
  }

  private setLow(low: boolean): void {
    if (low === this.low) return;
    this.low = low;
    for (const l of this.listeners) l(low);
  }
}

function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "QuotaExceededError";
}

const guards = new WeakMap<SelarasDb, SpaceGuard>();

/** The guard of a database, if one was installed. */
export function spaceGuardOf(db: SelarasDb): SpaceGuard | undefined {
  return guards.get(db);
}

/**
 * Installs the guard into the database: while it says "low", every add or put fails at once with
 * a QuotaExceededError before anything reaches IndexedDB (deletes go through). Before the database
 * is opened. Every committed write is followed by a probe (at most every PROBE_VALID_MS).
 */
export function installSpaceGuard(db: SelarasDb, guard: SpaceGuard): SpaceGuard {
  guards.set(db, guard);
  db.use({
    stack: "dbcore",
    name: "selaras-space-guard",
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const table = down.table(name);
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (guard.low && (req.type === "add" || req.type === "put")) {
                return Promise.reject(spaceError());
              }
              const done = table.mutate(req);
              void done.then(
                () => guard.check(),
                () => undefined,
              );
              return done;
            },
          };
        },
      };
    },
  });
  return guard;
}
