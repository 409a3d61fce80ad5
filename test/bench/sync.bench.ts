/**
 * Sync bench (issue 10, "Measured"): `npm run bench -- sync` (builds first; standalone:
 * `npx vite build && node --import tsx test/bench/sync.bench.ts`).
 *
 * The Selaras server runs as `npm start` runs it (a child process over the built app), on its
 * embedded PGlite and on a throwaway PostgreSQL 15 cluster (test/server/lib/pg-cluster.ts). The
 * clients are the app's own sync code (SyncEngine, the browser HTTP transport, Dexie) on
 * fake-indexeddb in this process, plus simulated members in separate Node processes that speak the
 * protocol themselves (lib/sync-load-worker.ts). Measured, per database:
 *   - edit in client A → stored in client B's IndexedDB (saveTranslation → outbox → push → NOTIFY
 *     → poke with the changes inline, or a pull when they are many → Dexie): p50/p95 with 2 clients, and while 48 more members edit at once;
 *     baseline: one empty pull's round trip (the floor of any change reaching B), as a ratio
 *   - sustained accepted cell edits per second (members pushing batches back to back); baseline on
 *     PostgreSQL: the same rows upserted straight into a jsonb table by one connection, as a ratio
 *   - two server processes on one PostgreSQL: every edit applied exactly once (counted in the
 *     change log) and every cell's final text the last one its member sent
 *   - first pull of a shared 10,000-segment document into a fresh client (fake-indexeddb in Node)
 *     and into a fresh Chromium signed in through the app (lib/browser-first-pull.ts), and the
 *     share's upload
 *   - 5,000 edits queued offline, then sent: the time, and that all are applied once
 * Exits non-zero only when the bench itself fails (a target missed is printed, not thrown).
 */
import "fake-indexeddb/auto";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { createDb, type SelarasDb } from "../../src/db/database.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { SyncEngine } from "../../src/db/sync/engine.ts";
import { shareDocument } from "../../src/db/sync/share.ts";
import { PROTOCOL_VERSION } from "../../src/core/sync/protocol.ts";
import { repoRoot } from "../e2e/lib/browser-env.ts";
import { startSelarasServer, type SelarasServer } from "../e2e/lib/selaras-server.ts";
import { startPgCluster, type PgCluster } from "../server/lib/pg-cluster.ts";
import { formatMs, median, printTable } from "./lib/browser.ts";
import type { LoadConfig, LoadMember, LoadResult } from "./lib/sync-load-worker.ts";
import { addMember, createProject, nodeTransport, signUp, type Session } from "./lib/team-node.ts";
import { browserFirstPull } from "./lib/browser-first-pull.ts";

const PASSWORD = "bench-password-1";
const LATENCY_EDITS = Number(process.env.SYNC_BENCH_EDITS ?? 40);
const LOAD_MEMBERS = 48;
const LOAD_PROCESSES = 6;
const LOAD_INTERVAL_MS = 2_000;
const FLOOD_MEMBERS = 16;
const FLOOD_PROCESSES = 4;
const FLOOD_BATCH = 50;
const FLOOD_MS = 10_000;
const BIG_SEGMENTS = 10_000;
const OFFLINE_EDITS = 5_000;
const TARGET_P95_MS = 250;
const TARGET_EDITS_PER_S = 1_000;
const TARGET_FIRST_PULL_MS = 3_000;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, stepMs = 5) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(stepMs);
  }
}

/** Indonesian sentences of the corpus, as many as asked (the corpus repeated). */
function corpusText(count: number): string {
  const dir = join(repoRoot, "corpus", "id");
  const sentences = readdirSync(dir)
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), "utf8").split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20 && /[.!?]$/.test(s));
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) out.push(sentences[i % sentences.length]!);
  return out.join(" ");
}

interface Client {
  session: Session;
  db: SelarasDb;
  engine: SyncEngine;
}

let clientCounter = 0;
async function client(
  session: Session,
  projectId: string,
  role: "owner" | "reviewer" | "translator",
): Promise<Client> {
  const db = createDb(`bench-sync-${process.pid}-${clientCounter++}`);
  await db.open();
  const engine = new SyncEngine(db, nodeTransport(session));
  await engine.start();
  await engine.joinProject({ id: projectId, name: "Bench", role, langs: null });
  return { session, db, engine };
}

async function emptyPullMs(session: Session, projectId: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(new URL("/api/sync/pull", session.baseUrl), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Cookie: session.cookie,
        "X-CSRF-Token": session.csrf,
      },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        clientId: "bench-probe",
        projectId,
        cursor: Number.MAX_SAFE_INTEGER,
      }),
    });
    await response.text();
    if (!response.ok) throw new Error(`empty pull: HTTP ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** A edits; the time until B's IndexedDB holds the text, for `count` edits one after another. */
async function editLatencies(
  a: Client,
  b: Client,
  rows: string[],
  count: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const segmentId = rows[i % rows.length]!;
    const text = `Bản dịch ${i} lúc ${Date.now()}`;
    const started = performance.now();
    await saveTranslation(a.db, { segmentId, lang: "vi", text, user: a.session.name });
    await until(
      `edit ${i} reaching B`,
      async () =>
        (await b.db.translations.where("segmentId").equals(segmentId).toArray()).some(
          (t) => t.lang === "vi" && t.text === text,
        ),
      30_000,
      2,
    );
    times.push(performance.now() - started);
    await sleep(100);
  }
  return times;
}

function runWorkers(
  config: Omit<LoadConfig, "members">,
  members: LoadMember[],
  processes: number,
): Promise<LoadResult[]> {
  const groups: LoadMember[][] = Array.from({ length: processes }, () => []);
  members.forEach((m, i) => groups[i % processes]!.push(m));
  return Promise.all(
    groups
      .filter((g) => g.length > 0)
      .map(
        (group) =>
          new Promise<LoadResult>((resolve, reject) => {
            const child = spawn(
              process.execPath,
              ["--import", "tsx", join(repoRoot, "test/bench/lib/sync-load-worker.ts")],
              {
                cwd: repoRoot,
                env: {
                  ...process.env,
                  SELARAS_LOAD: JSON.stringify({ ...config, members: group }),
                },
                stdio: ["ignore", "pipe", "pipe"],
              },
            );
            let out = "";
            let err = "";
            child.stdout.on("data", (c: Buffer) => (out += c.toString()));
            child.stderr.on("data", (c: Buffer) => (err += c.toString()));
            const timer = setTimeout(() => child.kill("SIGKILL"), config.durationMs + 120_000);
            child.on("exit", (code) => {
              clearTimeout(timer);
              const line = out.trim().split("\n").pop() ?? "";
              if (code !== 0 || !line.startsWith("{"))
                reject(new Error(`load worker exited ${code}: ${err.slice(-2000)}`));
              else resolve(JSON.parse(line) as LoadResult);
            });
          }),
      ),
  );
}

function sum(
  results: LoadResult[],
  field: "sent" | "applied" | "conflict" | "refused" | "errors" | "pulls" | "inline",
): number {
  return results.reduce((n, r) => n + r[field], 0);
}

/** Accounts for `count` members, each invited as a translator, each given its own cells. */
async function loadMembers(
  owner: Session,
  baseUrls: string[],
  projectId: string,
  cells: string[],
  count: number,
  prefix: string,
): Promise<LoadMember[]> {
  const members: LoadMember[] = [];
  for (let i = 0; i < count; i++) {
    const baseUrl = baseUrls[i % baseUrls.length]!;
    const session = await signUp(baseUrl, `${prefix}${i}`, PASSWORD);
    await addMember(owner, session, projectId, "translator");
    const own = cells.filter((_, j) => j % count === i);
    members.push({ session, cells: own });
  }
  return members;
}

interface KindReport {
  kind: string;
  rows: string[][];
  notes: string[];
}

async function benchOne(
  kind: "pglite" | "postgresql",
  cluster: PgCluster | null,
): Promise<KindReport> {
  // Each figure is printed as soon as it is measured (the whole run takes minutes).
  const rows: string[][] = [];
  const notes: string[] = [];
  const push = rows.push.bind(rows);
  rows.push = (...r: string[][]) => {
    for (const row of r) console.log(`  [${kind}] ${row.join(" | ")}`);
    return push(...r);
  };
  let databaseUrl: string | undefined;
  if (cluster) {
    const name = `selaras_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseUrl = cluster.url(name);
  }
  const servers: SelarasServer[] = [await startSelarasServer(databaseUrl ? { databaseUrl } : {})];
  const closeAll = async () => {
    for (const s of servers) await s.close();
  };
  try {
    const base = servers[0]!.baseUrl;
    const lan = await signUp(base, "Lan", PASSWORD);
    const rina = await signUp(base, "Rina", PASSWORD);
    const projectId = await createProject(lan, "Bench");
    await addMember(lan, rina, projectId, "reviewer");
    const a = await client(lan, projectId, "owner");
    const b = await client(rina, projectId, "reviewer");

    // A small shared document for the latency runs, and one with a cell per load member.
    const [docId] = await importDocuments(a.db, [
      { title: "Berita", sourceLang: "id", text: corpusText(60), origin: { kind: "user" } },
    ]);
    const [loadDocId] = await importDocuments(a.db, [
      {
        title: "Beban",
        sourceLang: "id",
        text: corpusText(LOAD_MEMBERS * 2),
        origin: { kind: "user" },
      },
    ]);
    const loadSegments = await segmentsOf(a.db, loadDocId!);
    for (const s of loadSegments)
      await saveTranslation(a.db, {
        segmentId: s.id,
        lang: "vi",
        text: `Bắt đầu ${s.order}`,
        user: "Lan",
      });
    await shareDocument(a.db, docId!, projectId);
    await shareDocument(a.db, loadDocId!, projectId);
    await a.engine.syncNow();
    await until(
      "documents shared to B",
      async () => (await b.db.documents.get(loadDocId!)) !== undefined,
      60_000,
      20,
    );
    const rowsA = (await segmentsOf(a.db, docId!)).map((s) => s.id);
    const loadCells = (await a.db.translations.where("docId").equals(loadDocId!).toArray()).map(
      (t) => t.id,
    );

    const floor = median(await emptyPullMs(rina, projectId, 20));
    const two = await editLatencies(a, b, rowsA, LATENCY_EDITS);
    rows.push([
      "edit A → B's IndexedDB, 2 clients, p50 / p95",
      `${formatMs(percentile(two, 50))} / ${formatMs(percentile(two, 95))}`,
      `${(percentile(two, 50) / floor).toFixed(1)}× an empty pull (${formatMs(floor)})`,
    ]);

    const members = await loadMembers(lan, [base], projectId, loadCells, LOAD_MEMBERS, "Anggota");
    const load = runWorkers(
      { projectId, mode: "steady", intervalMs: LOAD_INTERVAL_MS, durationMs: 45_000, batch: 1 },
      members,
      LOAD_PROCESSES,
    );
    await sleep(8_000); // the workers start (tsx) and make their first pull
    const many = await editLatencies(a, b, rowsA, LATENCY_EDITS);
    const loadResults = await load;
    const met = percentile(many, 95) < TARGET_P95_MS ? "met" : "MISSED";
    rows.push([
      `edit A → B's IndexedDB, ${LOAD_MEMBERS + 2} clients, p50 / p95`,
      `${formatMs(percentile(many, 50))} / ${formatMs(percentile(many, 95))}`,
      `${(percentile(many, 50) / floor).toFixed(1)}× floor; target p95 < ${TARGET_P95_MS} ms ${kind === "postgresql" ? met : "(PostgreSQL only)"}`,
    ]);
    notes.push(
      `${LOAD_MEMBERS} load members in ${LOAD_PROCESSES} processes, one edit each every ${LOAD_INTERVAL_MS / 1000} s ± 50 %: ${sum(loadResults, "sent")} sent, ${sum(loadResults, "applied")} applied, ${sum(loadResults, "conflict")} conflicts, ${sum(loadResults, "refused")} refused, ${sum(loadResults, "errors")} errors, ${sum(loadResults, "pulls")} pulls, ${sum(loadResults, "inline")} pokes taken inline${loadResults.find((r) => r.firstError)?.firstError ? ` (first error: ${loadResults.find((r) => r.firstError)!.firstError})` : ""}`,
    );

    // Sustained edits per second: members pushing batches back to back.
    const floodMembers = await loadMembers(
      lan,
      [base],
      projectId,
      loadCells,
      FLOOD_MEMBERS,
      "Banjir",
    );
    const flood = await runWorkers(
      { projectId, mode: "flood", intervalMs: 0, durationMs: FLOOD_MS, batch: FLOOD_BATCH },
      floodMembers,
      FLOOD_PROCESSES,
    );
    const perSecond = sum(flood, "applied") / (FLOOD_MS / 1000);
    let floorPerSecond = Number.NaN;
    if (databaseUrl) floorPerSecond = await sqlFloor(databaseUrl, sum(flood, "sent"));
    rows.push([
      `accepted cell edits per second, 1 server process (${FLOOD_MEMBERS} members, batches of ${FLOOD_BATCH})`,
      perSecond.toFixed(0),
      `${Number.isFinite(floorPerSecond) ? `${(perSecond / floorPerSecond).toFixed(2)}× raw SQL upserts (${floorPerSecond.toFixed(0)}/s)` : "no raw-SQL baseline (embedded)"}; target ≥ ${TARGET_EDITS_PER_S}/s ${kind === "postgresql" ? (perSecond >= TARGET_EDITS_PER_S ? "met" : "MISSED") : "(PostgreSQL only)"}`,
    ]);
    notes.push(
      `flood: ${sum(flood, "sent")} sent, ${sum(flood, "applied")} applied, ${sum(flood, "conflict")} conflicts, ${sum(flood, "refused")} refused, ${sum(flood, "errors")} errors${flood.find((r) => r.firstError)?.firstError ? ` (first error: ${flood.find((r) => r.firstError)!.firstError})` : ""}`,
    );

    if (databaseUrl) {
      servers.push(await startSelarasServer({ databaseUrl }));
      const bases = servers.map((s) => s.baseUrl);
      const twoMembers = await loadMembers(lan, bases, projectId, loadCells, FLOOD_MEMBERS, "Dua");
      const before = await changeLogCount(databaseUrl, projectId);
      const both = await runWorkers(
        { projectId, mode: "flood", intervalMs: 0, durationMs: FLOOD_MS, batch: FLOOD_BATCH },
        twoMembers,
        FLOOD_PROCESSES,
      );
      const after = await changeLogCount(databaseUrl, projectId);
      const sent = sum(both, "sent");
      const handled = sum(both, "applied") + sum(both, "conflict") + sum(both, "refused");
      const logged = after.rows - before.rows;
      const once = logged === sent && after.distinct - before.distinct === sent && handled === sent;
      rows.push([
        "accepted cell edits per second, 2 server processes",
        (sum(both, "applied") / (FLOOD_MS / 1000)).toFixed(0),
        `${sent} sent, ${handled} answered, ${logged} in the change log: ${once ? "each exactly once" : "NOT exactly once"}`,
      ]);
    }

    // A shared 10,000-segment document: the upload, then the first pull into a fresh client.
    const [bigId] = await importDocuments(a.db, [
      {
        title: "Besar",
        sourceLang: "id",
        text: corpusText(BIG_SEGMENTS),
        origin: { kind: "user" },
      },
    ]);
    const bigSegments = await segmentsOf(a.db, bigId!);
    let started = performance.now();
    await shareDocument(a.db, bigId!, projectId);
    await a.engine.syncNow();
    await until("share uploaded", async () => (await a.db.outbox.count()) === 0, 300_000, 20);
    rows.push([
      `share a ${bigSegments.length}-segment document (upload)`,
      formatMs(performance.now() - started),
      "",
    ]);
    const fresh = await signUp(base, "Dewi", PASSWORD);
    await addMember(lan, fresh, projectId, "reviewer");
    started = performance.now();
    const c = await client(fresh, projectId, "reviewer");
    await c.engine.syncNow();
    await until(
      "first pull",
      async () =>
        (await c.db.segments.where("docId").equals(bigId!).count()) === bigSegments.length,
      300_000,
      20,
    );
    const firstPull = performance.now() - started;
    rows.push([
      `first pull of the project (${bigSegments.length + 60 + LOAD_MEMBERS * 2} segments) into a fresh client`,
      formatMs(firstPull),
      "fake-indexeddb in Node (the browser's figure below)",
    ]);

    // The same first pull into a fresh Chromium, signed in through the app's dialog.
    const putri = await signUp(base, "Putri", PASSWORD);
    await addMember(lan, putri, projectId, "reviewer");
    const inBrowser = await browserFirstPull({
      baseUrl: base,
      login: "Putri",
      password: PASSWORD,
      docId: bigId!,
      segments: bigSegments.length,
      timeoutMs: 120_000,
    });
    rows.push([
      `first pull of the project into a fresh Chromium (sign-in → ${bigSegments.length} segments in IndexedDB)`,
      formatMs(inBrowser.storedMs),
      `${(inBrowser.storedMs / firstPull).toFixed(2)}× the Node client; target < ${TARGET_FIRST_PULL_MS} ms ${inBrowser.storedMs < TARGET_FIRST_PULL_MS ? "met" : "MISSED"}`,
    ]);
    rows.push([
      "  … and the document open in the grid (first rows painted)",
      formatMs(inBrowser.openMs),
      "",
    ]);

    // 5,000 edits queued offline, then sent.
    a.engine.stop();
    for (let i = 0; i < OFFLINE_EDITS; i++) {
      await saveTranslation(a.db, {
        segmentId: bigSegments[i % bigSegments.length]!.id,
        lang: "en",
        text: `Offline ${i}`,
        user: "Lan",
      });
    }
    const queued = await a.db.outbox.count();
    started = performance.now();
    await a.engine.start();
    await until("offline edits sent", async () => (await a.db.outbox.count()) === 0, 600_000, 20);
    const sendMs = performance.now() - started;
    await c.engine.syncNow();
    const enCells = await c.db.translations
      .where("docId")
      .equals(bigId!)
      .filter((t) => t.lang === "en")
      .toArray();
    const arrived = enCells.filter((t) => t.text.startsWith("Offline ")).length;
    rows.push([
      `${OFFLINE_EDITS} edits made offline (${queued} queued mutations), then sent`,
      formatMs(sendMs),
      `${(OFFLINE_EDITS / (sendMs / 1000)).toFixed(0)} edits/s; ${arrived} of ${Math.min(OFFLINE_EDITS, bigSegments.length)} cells arrived in another client`,
    ]);
    if (databaseUrl) {
      const applied = await appliedOnce(databaseUrl, projectId, await a.engine.clientId());
      notes.push(
        `A's mutations in the change log: ${applied.rows} rows, ${applied.distinct} distinct ids (${applied.rows === applied.distinct ? "each once" : "DUPLICATES"})`,
      );
    }
    for (const x of [a, b, c]) {
      x.engine.stop();
      x.db.close();
    }
    return { kind, rows, notes };
  } finally {
    await closeAll();
  }
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function changeLogCount(
  url: string,
  projectId: string,
): Promise<{ rows: number; distinct: number }> {
  return withPg(url, async (c) => {
    const r = await c.query(
      "SELECT count(*)::int AS rows, count(DISTINCT (client_id, mutation_id))::int AS distinct FROM change_log WHERE project_id = $1",
      [projectId],
    );
    return { rows: r.rows[0].rows as number, distinct: r.rows[0].distinct as number };
  });
}

async function appliedOnce(
  url: string,
  projectId: string,
  clientId: string,
): Promise<{ rows: number; distinct: number }> {
  return withPg(url, async (c) => {
    const r = await c.query(
      "SELECT count(*)::int AS rows, count(DISTINCT mutation_id)::int AS distinct FROM change_log WHERE project_id = $1 AND client_id = $2",
      [projectId, clientId],
    );
    return { rows: r.rows[0].rows as number, distinct: r.rows[0].distinct as number };
  });
}

/** Rows per second one connection upserts into a jsonb table in batches of FLOOD_BATCH (the floor). */
async function sqlFloor(url: string, count: number): Promise<number> {
  return withPg(url, async (c) => {
    await c.query("CREATE TEMP TABLE floor (k text PRIMARY KEY, v jsonb, version bigint)");
    const n = Math.max(2_000, Math.min(count, 20_000));
    const started = performance.now();
    for (let i = 0; i < n; i += FLOOD_BATCH) {
      const keys = Array.from({ length: FLOOD_BATCH }, (_, j) => `k${(i + j) % 500}`);
      const values = keys.map((k, j) =>
        JSON.stringify({ id: k, text: `floor ${i + j}`, status: "draft" }),
      );
      await c.query("BEGIN");
      await c.query(
        "INSERT INTO floor SELECT * FROM unnest($1::text[], $2::jsonb[], $3::bigint[]) ON CONFLICT (k) DO UPDATE SET v = excluded.v, version = excluded.version",
        [keys, values, keys.map(() => i)],
      );
      await c.query("COMMIT");
    }
    return n / ((performance.now() - started) / 1000);
  });
}

// SYNC_BENCH_KINDS=postgresql (or pglite) runs one database only.
const kinds = (process.env.SYNC_BENCH_KINDS ?? "pglite,postgresql").split(",");
const reports: KindReport[] = [];
if (kinds.includes("pglite")) reports.push(await benchOne("pglite", null));
if (kinds.includes("postgresql")) {
  const cluster = startPgCluster();
  try {
    reports.push(await benchOne("postgresql", cluster));
  } finally {
    cluster.stop();
  }
}
for (const r of reports) {
  console.log(
    `\nSync on ${r.kind} (server = npm start's process; clients = the app's sync code on fake-indexeddb):`,
  );
  printTable(["measure", "result", "against the baseline / target"], r.rows);
  for (const n of r.notes) console.log(`  - ${n}`);
}
process.exit(0);
