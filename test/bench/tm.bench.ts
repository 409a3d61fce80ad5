/**
 * Translation-memory bench (issue 15): fuzzy-match lookups in `TmIndex` at 100,000 and 1,000,000
 * generated Indonesian units (test/bench/tm-data.ts: the corpus's sentences varied, with numbers,
 * deterministic seed), against a brute-force scorer over the same units measured in the same run,
 * and translate-toolkit's two lookups on the 100,000 set (Debian python3): its matcher
 * (`translate.search.match`, what `pot2po --tm` uses) and its TM database (`translate.storage.tmdb`,
 * what `tmserver` / `build_tmdb` use).
 * Reports index build time and heap, lookup p50 / p95 / max over 500 queries (near duplicates,
 * numbers only changed, half changed, unrelated), and whether the top 5 equal brute force.
 * Run: node --import tsx test/bench/tm.bench.ts [sizes, default 100000,1000000]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TmIndex } from "../../src/core/tm/tm-index.ts";
import type { TmMatch, TmUnit } from "../../src/core/tm/types.ts";
import { memoryGenerator, random } from "./tm-data.ts";

const SEED = 20261204;
const QUERIES = 500;
const THRESHOLD = 50;
const LIMIT = 5;
/**
 * Brute force scores every unit per query (about a second per query at 100k on this machine):
 * every query up to 20k units, then an evenly spaced sample of the same queries.
 */
const bruteSample = (size: number) => (size <= 20_000 ? QUERIES : size < 1_000_000 ? 100 : 10);
/** translate-toolkit is slow in Python: this many of the same queries (the first ones). */
const TT_QUERIES = 30;
/**
 * tmdb scores every unit that shares one word of three letters or more with the query (Indonesian
 * "yang", "dan": nearly all), in Python: about 5 s per query on 3,000 units on an idle machine. It gets
 * the first TMDB_UNITS units of the set and the first TMDB_QUERIES queries, which favours it.
 */
const TMDB_UNITS = 5_000;
const TMDB_QUERIES = 3;

const here = path.dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);

interface Query {
  kind: "near" | "numbers" | "half" | "unrelated";
  text: string;
}

interface ChildResult {
  size: number;
  generateMs: number;
  unitsHeapMb: number;
  buildMs: number;
  indexHeapMb: number;
  rssMb: number;
  index: number[];
  /** The same lookups' CPU time (this process, user + system): what a loaded machine leaves alone. */
  indexCpu: number[];
  kinds: Query["kind"][];
  candidates: number[];
  matched: number;
  brute: number[];
  bruteCpu: number[];
  bruteChecked: number;
  mismatches: Array<{ query: number; index: string; brute: string }>;
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const heapMb = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
/** CPU time (ms) this process spent since `start` (a process.cpuUsage() reading). */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};
const key = (ms: readonly TmMatch[]) => ms.map((m) => `${m.unit.id}:${m.score}`).join(" ");

function makeQueries(units: readonly TmUnit[], gen: ReturnType<typeof memoryGenerator>): Query[] {
  const rand = random(SEED + 1);
  const pick = () => units[Math.floor(rand() * units.length)]!.source;
  const out: Query[] = [];
  for (let k = 0; k < QUERIES; k++) {
    const r = k % 10;
    if (r < 4) out.push({ kind: "near", text: gen.nearQuery(pick()) });
    else if (r < 5) out.push({ kind: "numbers", text: gen.numbersQuery(pick()) });
    else if (r < 7) out.push({ kind: "half", text: gen.halfQuery(pick()) });
    else out.push({ kind: "unrelated", text: gen.unrelatedQuery() });
  }
  return out;
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function child(size: number, ttDir: string | undefined): void {
  const gen = memoryGenerator(SEED);
  let t = performance.now();
  const h0 = heapMb();
  const units: TmUnit[] = [];
  for (let k = 0; k < size; k++) {
    const u = gen.unit(k);
    units.push({ id: u.id, source: u.source, targets: u.targets, approved: true });
  }
  const generateMs = performance.now() - t;
  const h1 = heapMb();
  const queries = makeQueries(units, gen);
  if (ttDir) {
    const parts = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="id" datatype="plaintext"/><body>\n',
    ];
    for (const u of units)
      parts.push(
        `<tu><tuv xml:lang="id"><seg>${xml(u.source)}</seg></tuv><tuv xml:lang="vi"><seg>${xml(u.targets["vi"]!)}</seg></tuv></tu>\n`,
      );
    parts.push("</body></tmx>\n");
    writeFileSync(path.join(ttDir, "memory.tmx"), parts.join(""));
    writeFileSync(path.join(ttDir, "queries.json"), JSON.stringify(queries.map((q) => q.text)));
  }

  t = performance.now();
  const index = new TmIndex("id");
  for (const u of units) index.add(u);
  const buildMs = performance.now() - t;
  const h2 = heapMb();
  const rssMb = process.memoryUsage().rss / 2 ** 20;

  // Warm-up on queries that are not measured.
  const warm = memoryGenerator(SEED + 2);
  for (let k = 0; k < 30; k++) index.match({ source: warm.nearQuery(units[k * 7]!.source) });

  const times: number[] = [];
  const cpuTimes: number[] = [];
  const candidates: number[] = [];
  const results: TmMatch[][] = [];
  for (const q of queries) {
    const c = process.cpuUsage();
    const s = performance.now();
    const r = index.match({ source: q.text }, { threshold: THRESHOLD, limit: LIMIT });
    times.push(performance.now() - s);
    cpuTimes.push(cpuMs(c));
    candidates.push(index.lastStats.candidates);
    results.push(r);
  }
  const step = Math.ceil(QUERIES / bruteSample(size));
  const brute: number[] = [];
  const bruteCpu: number[] = [];
  const mismatches: ChildResult["mismatches"] = [];
  let bruteChecked = 0;
  for (let k = 0; k < queries.length; k += step) {
    const c = process.cpuUsage();
    const s = performance.now();
    const r = index.bruteForce(
      { source: queries[k]!.text },
      { threshold: THRESHOLD, limit: LIMIT },
    );
    brute.push(performance.now() - s);
    bruteCpu.push(cpuMs(c));
    bruteChecked++;
    if (key(r) !== key(results[k]!))
      mismatches.push({ query: k, index: key(results[k]!), brute: key(r) });
  }
  const result: ChildResult = {
    size,
    generateMs,
    unitsHeapMb: h1 - h0,
    buildMs,
    indexHeapMb: h2 - h1,
    rssMb,
    index: times,
    indexCpu: cpuTimes,
    kinds: queries.map((q) => q.kind),
    candidates,
    matched: results.filter((r) => r.length > 0).length,
    brute,
    bruteCpu,
    bruteChecked,
    mismatches,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * translate-toolkit's matcher over the same units and queries. Its heap holds (score, unit) pairs
 * and compares the units when two scores tie, which raises TypeError under Python 3: the wrapper
 * gives its unit class an order (a tie keeps the unit already in the heap).
 */
const TT_SCRIPT = String.raw`
import json, sys, time
from translate.storage import tmx, base
from translate.search import match
base.TranslationUnit.__lt__ = lambda self, other: False
t = time.perf_counter()
store = tmx.tmxfile.parsefile(sys.argv[1])
load = time.perf_counter() - t
t = time.perf_counter()
m = match.matcher(store, max_candidates=${LIMIT}, min_similarity=${THRESHOLD}, max_length=10000)
init = time.perf_counter() - t
queries = json.load(open(sys.argv[2]))[: int(sys.argv[3])]
times, cpu, found = [], [], 0
for q in queries:
    t, c = time.perf_counter(), time.process_time()
    r = m.matches(q)
    times.append((time.perf_counter() - t) * 1000)
    cpu.append((time.process_time() - c) * 1000)
    found += 1 if r else 0
print(json.dumps({"loadMs": load * 1000, "initMs": init * 1000, "units": len(m.candidates.units), "times": times, "cpu": cpu, "found": found}))
`;

/**
 * translate-toolkit's other lookup: the TM database behind `tmserver` and `build_tmdb`
 * (`translate.storage.tmdb`: SQLite with an FTS3 full-text candidate search, then its
 * Levenshtein comparer), filled with the same units (Vietnamese targets) and asked the same queries.
 * (`pot2po --tm` uses `translate.search.match`, the row above.)
 */
const TMDB_SCRIPT = String.raw`
import json, os, sys, time
from translate.storage import tmx, tmdb
store = tmx.tmxfile.parsefile(sys.argv[1])
units = [{"source": u.source, "target": u.target, "context": ""} for u in store.units[: int(sys.argv[4])]]
t = time.perf_counter()
db = tmdb.TMDB(os.path.join(os.path.dirname(sys.argv[1]), "tm.db"), max_candidates=${LIMIT}, min_similarity=${THRESHOLD}, max_length=10000)
db.add_list(units, "id", "vi")
build = time.perf_counter() - t
queries = json.load(open(sys.argv[2]))[: int(sys.argv[3])]
times, cpu, found = [], [], 0
for q in queries:
    t, c = time.perf_counter(), time.process_time()
    r = db.translate_unit(q, "id", "vi")
    times.append((time.perf_counter() - t) * 1000)
    cpu.append((time.process_time() - c) * 1000)
    found += 1 if r else 0
print(json.dumps({"buildMs": build * 1000, "fulltext": bool(db.fulltext), "units": len(units), "times": times, "cpu": cpu, "found": found}))
`;

/** Runs a script with Debian's python3 (translate-toolkit) on the bench's TMX and queries. */
function python(script: string, dir: string, queries: number, units = 0) {
  return spawnSync(
    "/usr/bin/python3",
    [
      "-c",
      script,
      path.join(dir, "memory.tmx"),
      path.join(dir, "queries.json"),
      String(queries),
      String(units),
    ],
    {
      encoding: "utf8",
      env: { ...process.env, PYENV_VERSION: "system" },
      maxBuffer: 16 * 2 ** 20,
    },
  );
}

function main(): void {
  const sizes = (process.argv[2] ?? "100000,1000000").split(",").map(Number);
  console.log(
    `tm bench: node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}; ` +
      `${QUERIES} queries (40 % near duplicates, 10 % numbers changed, 20 % half changed, 30 % unrelated), ` +
      `threshold ${THRESHOLD}, top ${LIMIT}, seed ${SEED}`,
  );
  const rows: string[] = [];
  const notes: string[] = [];
  /** The same lookups by CPU time (the bench's process only): comparable on a busy machine. */
  const cpuRows: string[] = [
    `${"units".padStart(9)}  ${"matcher".padEnd(22)} ${"CPU p50".padStart(8)} ${"CPU p95".padStart(8)} ${"CPU max".padStart(8)}  p50 ratio to TmIndex (same run)`,
  ];
  const cpuRow = (size: number, name: string, xs: readonly number[], base: number) =>
    cpuRows.push(
      `${String(size).padStart(9)}  ${name.padEnd(22)} ${fmt(quantile(xs, 0.5)).padStart(8)} ${fmt(quantile(xs, 0.95)).padStart(8)} ${fmt(Math.max(...xs)).padStart(8)}  ${name === "TmIndex" ? "1×" : `${(quantile(xs, 0.5) / base).toFixed(0)}×`}`,
    );
  const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1)).padStart(7);
  rows.push(
    `${"units".padStart(9)}  ${"matcher".padEnd(22)} ${"build ms".padStart(9)} ${"heap MB".padStart(8)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"max ms".padStart(7)}  top-5 = brute force`,
  );
  let failed = false;
  for (const size of sizes) {
    const dir = size <= 100_000 ? mkdtempSync(path.join(tmpdir(), "selaras-tm-bench-")) : undefined;
    try {
      const heap = size >= 1_000_000 ? 16384 : 4096;
      const run = spawnSync(
        process.execPath,
        [
          `--max-old-space-size=${heap}`,
          "--expose-gc",
          "--import",
          "tsx",
          self,
          "child",
          String(size),
          dir ?? "",
        ],
        {
          encoding: "utf8",
          cwd: path.resolve(here, "../.."),
          maxBuffer: 64 * 2 ** 20,
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      if (run.status !== 0) {
        console.log(`child for ${size} units failed (status ${run.status})`);
        failed = true;
        continue;
      }
      const r = JSON.parse(run.stdout) as ChildResult;
      const p50 = quantile(r.index, 0.5);
      const p95 = quantile(r.index, 0.95);
      const max = Math.max(...r.index);
      const b50 = quantile(r.brute, 0.5);
      const c50 = quantile(r.indexCpu, 0.5);
      cpuRow(size, "TmIndex", r.indexCpu, c50);
      cpuRow(size, "brute force (baseline)", r.bruteCpu, c50);
      const same = `${r.bruteChecked - r.mismatches.length}/${r.bruteChecked} queries${r.bruteChecked < QUERIES ? " (sampled)" : ""}`;
      rows.push(
        `${String(size).padStart(9)}  ${"TmIndex".padEnd(22)} ${r.buildMs.toFixed(0).padStart(9)} ${r.indexHeapMb.toFixed(0).padStart(8)} ${fmt(p50)} ${fmt(p95)} ${fmt(max)}  ${same}`,
      );
      rows.push(
        `${String(size).padStart(9)}  ${"brute force (baseline)".padEnd(22)} ${"-".padStart(9)} ${"-".padStart(8)} ${fmt(b50)} ${fmt(quantile(r.brute, 0.95))} ${fmt(Math.max(...r.brute))}  over ${r.bruteChecked} queries; p50 ratio ${(b50 / p50).toFixed(0)}×`,
      );
      const byKind = (["near", "numbers", "half", "unrelated"] as const)
        .map((k) => {
          const ts = r.index.filter((_, i) => r.kinds[i] === k);
          const cs = r.candidates.filter((_, i) => r.kinds[i] === k);
          return `${k} p95 ${quantile(ts, 0.95).toFixed(2)} ms (candidates p50 ${quantile(cs, 0.5)})`;
        })
        .join("; ");
      notes.push(
        `${size}: generated in ${(r.generateMs / 1000).toFixed(1)} s (units ${r.unitsHeapMb.toFixed(0)} MB heap), RSS after build ${r.rssMb.toFixed(0)} MB; ${r.matched}/${QUERIES} queries have a match ≥ ${THRESHOLD}; ${byKind}`,
      );
      const targets =
        size >= 1_000_000
          ? [["p95", p95, 20]]
          : [
              ["p95", p95, 5],
              ["max", max, 50],
            ];
      for (const [name, value, limit] of targets as Array<[string, number, number]>) {
        const ok = value < limit;
        notes.push(
          `${size}: target ${name} < ${limit} ms: ${ok ? "met" : "MISSED"} (${value.toFixed(2)} ms)`,
        );
      }
      if (r.mismatches.length > 0) {
        failed = true;
        for (const m of r.mismatches.slice(0, 5))
          notes.push(`${size}: query ${m.query} differs: index [${m.index}] brute [${m.brute}]`);
      }
      if (dir) {
        const tt = python(TT_SCRIPT, dir, TT_QUERIES);
        if (tt.status === 0) {
          const t = JSON.parse(tt.stdout) as {
            loadMs: number;
            initMs: number;
            units: number;
            times: number[];
            cpu: number[];
            found: number;
          };
          const tp50 = quantile(t.times, 0.5);
          cpuRow(size, "translate-toolkit", t.cpu, c50);
          rows.push(
            `${String(size).padStart(9)}  ${"translate-toolkit".padEnd(22)} ${t.initMs.toFixed(0).padStart(9)} ${"-".padStart(8)} ${fmt(tp50)} ${fmt(quantile(t.times, 0.95))} ${fmt(Math.max(...t.times))}  other score (characters); ${t.times.length} queries; p50 ratio ${(tp50 / p50).toFixed(0)}×`,
          );
          notes.push(
            `${size}: translate-toolkit matcher (max_candidates ${LIMIT}, min_similarity ${THRESHOLD}, max_length 10000) on ${t.units} units: TMX read ${(t.loadMs / 1000).toFixed(1)} s, build = matcher init; ${t.found}/${t.times.length} queries found a match`,
          );
        } else {
          notes.push(
            `translate-toolkit could not run: ${tt.stderr.trim().split("\n").slice(-2).join(" ")}`,
          );
        }
        const db = python(TMDB_SCRIPT, dir, TMDB_QUERIES, TMDB_UNITS);
        if (db.status === 0) {
          const t = JSON.parse(db.stdout) as {
            buildMs: number;
            fulltext: boolean;
            units: number;
            times: number[];
            cpu: number[];
            found: number;
          };
          const tp50 = quantile(t.times, 0.5);
          cpuRow(size, "translate-toolkit tmdb", t.cpu, c50);
          rows.push(
            `${String(size).padStart(9)}  ${"translate-toolkit tmdb".padEnd(22)} ${t.buildMs.toFixed(0).padStart(9)} ${"-".padStart(8)} ${fmt(tp50)} ${fmt(quantile(t.times, 0.95))} ${fmt(Math.max(...t.times))}  other score (characters); ${t.times.length} queries; p50 ratio ${(tp50 / p50).toFixed(0)}×`,
          );
          notes.push(
            `${size}: translate-toolkit tmdb (tmserver's database; SQLite${t.fulltext ? " FTS3" : " without FTS3"}, min_similarity ${THRESHOLD}) ${t.units < size ? `on the first ${t.units} units only (too slow for all)` : `on ${t.units} units`}, build = inserting them; ${t.found}/${t.times.length} queries found a match`,
          );
        } else {
          notes.push(
            `translate-toolkit tmdb could not run: ${db.stderr.trim().split("\n").slice(-2).join(" ")}`,
          );
        }
      }
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const r of rows) console.log(r);
  console.log("CPU time of the same lookups (ms; robust to other work on the machine):");
  for (const r of cpuRows) console.log(r);
  for (const n of notes) console.log(`  ${n}`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[2] === "child") child(Number(process.argv[3]), process.argv[4] || undefined);
else main();
