/**
 * Sentence-alignment benchmark: Text+Berg de-fr (test + dev) and ParIce en-is from ../shared/bench/align,
 * aligned through the `align` CLI command (the same code path as `npm run cli -- align --presegmented
 * --format beads`), scored with the published strict/lax metric pooled over documents, next to a plain
 * Gale-Church baseline run in the same process. Then a 10,000 × 10,000-sentence scale test in a child
 * process (time and peak memory) against the memory a full n×m matrix would need.
 *
 * `node --import tsx test/bench/align.bench.ts [--skip-scale]`
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { countDocument, emptyCounts, scoresOf } from "../../src/core/align/alignment-metric.ts";
import type { BeadLike, MetricCounts } from "../../src/core/align/alignment-metric.ts";
import { parseBeads } from "../../src/core/align/beads.ts";
import { run } from "../../src/cli/commands/align.ts";
import type { CliIo } from "../../src/cli/io.ts";
import { alignSentences } from "../../src/core/align/align-sentences.ts";
import { normalTailCost } from "../../src/core/align/length-cost.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const benchDir = [join(root, "..", "shared", "bench", "align"), "/work/shared/bench/align"].find(
  (d) => existsSync(d),
);

interface Doc {
  name: string;
  source: string[];
  target: string[];
  gold: BeadLike[];
  sourceLang: string;
  targetLang: string;
}

function lines(path: string, stripIndex: boolean): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l, k, all) => !(k === all.length - 1 && l === ""))
    .map((l) => (stripIndex ? l.slice(l.indexOf("\t") + 1) : l));
}

function textberg(dir: string, names: string[]): Doc[] {
  return names.map((name) => ({
    name,
    source: lines(join(dir, `${name}.de`), false),
    target: lines(join(dir, `${name}.fr`), false),
    gold: parseBeads(readFileSync(join(dir, `${name}.defr`), "utf8")) ?? [],
    sourceLang: "de",
    targetLang: "fr",
  }));
}

function parice(dir: string): Doc[] {
  return readdirSync(join(dir, "gold"))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ""),
      source: lines(join(dir, "eng", f), true),
      target: lines(join(dir, "isl", f), true),
      gold: parseBeads(readFileSync(join(dir, "gold", f), "utf8")) ?? [],
      sourceLang: "en",
      targetLang: "is",
    }));
}

interface ScoredBead extends BeadLike {
  confidence: number;
}

/** Runs the CLI command on the document through temporary files, returns its links. */
async function alignWithCli(doc: Doc, work: string): Promise<ScoredBead[]> {
  const src = join(work, "src.txt");
  const tgt = join(work, "tgt.txt");
  writeFileSync(src, doc.source.join("\n") + "\n");
  writeFileSync(tgt, doc.target.join("\n") + "\n");
  let out = "";
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void process.stderr.write(t),
    readBytes: async (p) => new Uint8Array(readFileSync(p)),
    writeText: async () => undefined,
  };
  const code = await run(
    [
      "--source",
      src,
      "--target",
      tgt,
      "--source-lang",
      doc.sourceLang,
      "--target-lang",
      doc.targetLang,
      "--presegmented",
      "--format",
      "json",
    ],
    io,
  );
  if (code !== 0) throw new Error(`align exited with ${code} on ${doc.name}`);
  return (JSON.parse(out) as { links: ScoredBead[] }).links;
}

function fmt(c: MetricCounts): string {
  const s = scoresOf(c);
  const f = (x: number): string => x.toFixed(3);
  return `strict P ${f(s.strict.precision)} R ${f(s.strict.recall)} F1 ${f(s.strict.f1)} | lax P ${f(s.lax.precision)} R ${f(s.lax.recall)} F1 ${f(s.lax.f1)}`;
}

async function evaluate(label: string, docs: Doc[], work: string, perDoc: boolean): Promise<void> {
  const ours = emptyCounts();
  const base = emptyCounts();
  let oursMs = 0;
  let baseMs = 0;
  const bands = [0.8, 0.5, 0].map((min) => ({ min, links: 0, right: 0 }));
  for (const doc of docs) {
    let t = performance.now();
    const hyp = await alignWithCli(doc, work);
    oursMs += performance.now() - t;
    t = performance.now();
    const gc = galeChurch(doc.source, doc.target);
    baseMs += performance.now() - t;
    countDocument(gc, doc.gold, base);
    const mine = countDocument(hyp, doc.gold);
    countDocument(hyp, doc.gold, ours);
    const gold = new Set(doc.gold.map((b) => `${b.source.join(",")}:${b.target.join(",")}`));
    for (const link of hyp) {
      const band = bands.find((b) => link.confidence >= b.min);
      if (!band) continue;
      band.links++;
      if (gold.has(`${link.source.join(",")}:${link.target.join(",")}`)) band.right++;
    }
    if (perDoc) console.log(`    ${doc.name.padEnd(8)} ${fmt(mine)}`);
  }
  console.log(`  ${label}`);
  console.log(`    selaras       ${fmt(ours)}  (${oursMs.toFixed(0)} ms)`);
  console.log(`    gale-church   ${fmt(base)}  (${baseMs.toFixed(0)} ms)`);
  const bandNames = ["0.8-1.0", "0.5-0.8", "below 0.5"];
  const share = bands.map(
    (b, k) =>
      `${bandNames[k]}: ${b.links} links, ${((100 * b.right) / Math.max(1, b.links)).toFixed(0)}% exact`,
  );
  console.log(`    confidence    ${share.join(" | ")}`);
}

async function main(): Promise<void> {
  const skipScale = process.argv.includes("--skip-scale");
  const perDoc = process.argv.includes("--per-doc");
  const work = mkdtempSync(join(tmpdir(), "selaras-align-bench-"));
  try {
    if (benchDir === undefined) {
      console.log("align bench: ../shared/bench/align not found, skipping the gold sets");
    } else {
      const tb = join(benchDir, "textberg-de-fr");
      console.log("Sentence alignment (strict = exact link; counts pooled over documents)");
      await evaluate(
        "Text+Berg de-fr test (7 docs)",
        textberg(
          tb,
          [0, 1, 2, 3, 4, 5, 6].map((k) => `test${k}`),
        ),
        work,
        perDoc,
      );
      await evaluate("Text+Berg de-fr dev (tuning only)", textberg(tb, ["dev"]), work, perDoc);
      await evaluate(
        "ParIce en-is (10 docs)",
        parice(join(benchDir, "parice-en-is")),
        work,
        perDoc,
      );
      console.log(
        "  reference (same metric, measured by the bench README): hunalign no dict 0.751 / 0.750, Gale-Church 0.686 / 0.785",
      );
    }
    if (!skipScale) {
      const out = execFileSync(
        process.execPath,
        ["--import", "tsx", fileURLToPath(import.meta.url), "--scale-child"],
        {
          encoding: "utf8",
          maxBuffer: 1 << 24,
        },
      );
      process.stdout.write(out);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The baseline: plain Gale-Church (1993) as published: c = 1, s² = 6.8, their link-type
 * probabilities (1-1, 1-0, 0-1, 2-1, 1-2, 2-2), full DP, lengths in characters.
 */
function galeChurch(source: string[], target: string[]): BeadLike[] {
  const types: Array<[number, number, number]> = [
    [1, 1, 0.89],
    [1, 0, 0.0099 / 2],
    [0, 1, 0.0099 / 2],
    [2, 1, 0.089 / 2],
    [1, 2, 0.089 / 2],
    [2, 2, 0.011],
  ];
  const n = source.length;
  const m = target.length;
  const ls = [0];
  const lt = [0];
  for (const s of source) ls.push(ls[ls.length - 1]! + s.length);
  for (const t of target) lt.push(lt[lt.length - 1]! + t.length);
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity);
  const back = new Uint8Array((n + 1) * (m + 1));
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      types.forEach(([a, b, p], k) => {
        if (i < a || j < b) return;
        const prev = cost[(i - a) * (m + 1) + (j - b)]!;
        if (prev === Infinity) return;
        let c = prev - Math.log(p);
        if (a > 0 && b > 0) {
          const l1 = ls[i]! - ls[i - a]!;
          const l2 = lt[j]! - lt[j - b]!;
          const mean = (l1 + l2) / 2;
          c += mean > 0 ? normalTailCost((l2 - l1) / Math.sqrt(mean * 6.8)) : 0;
        }
        if (c < best) {
          best = c;
          back[i * (m + 1) + j] = k;
        }
      });
      cost[i * (m + 1) + j] = best;
    }
  }
  const out: BeadLike[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [a, b] = types[back[i * (m + 1) + j]!]!;
    out.push({ source: range(i - a, i), target: range(j - b, j) });
    i -= a;
    j -= b;
  }
  return out.reverse();
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/**
 * Child process: align 10,000 × 10,000 synthetic sentences, print time and peak memory. The texts
 * imitate a translation: Zipf-distributed words of a random vocabulary, each rendered by another
 * random word on the target side, numbers and capitalised names carried over, and sentences
 * dropped, added or merged here and there.
 */
function scaleChild(): void {
  const n = 10_000;
  let seed = 42;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const letters = "abcdefghijklmnopqrstuvwxyzàéöü";
  const randomWord = (): string =>
    Array.from(
      { length: 2 + Math.floor(rnd() * 9) },
      () => letters[Math.floor(rnd() * letters.length)],
    ).join("");
  const vocabulary = Array.from({ length: 5000 }, () => [randomWord(), randomWord()] as const);
  const zipf = (): number =>
    Math.min(vocabulary.length - 1, Math.floor(Math.exp(rnd() * Math.log(vocabulary.length))) - 1);
  const pair = (): [string, string] => {
    const r = rnd();
    if (r < 0.03) {
      const num = String(Math.floor(rnd() * 3000));
      return [num, num];
    }
    if (r < 0.06) {
      const name = randomWord();
      const cap = name.charAt(0).toUpperCase() + name.slice(1);
      return [cap, cap];
    }
    const [src, tgt] = vocabulary[zipf()]!;
    return [src, tgt];
  };
  const source: string[] = [];
  const target: string[] = [];
  const truth: Array<{ source: number[]; target: number[] }> = [];
  while (source.length < n || target.length < n) {
    const words = Array.from({ length: 5 + Math.floor(rnd() * 25) }, pair);
    const s = `${words.map((w) => w[0]).join(" ")}.`;
    const t = `${words.map((w) => w[1]).join(" ")}.`;
    const r = rnd();
    const last = truth[truth.length - 1];
    if (r < 0.02) {
      truth.push({ source: [source.length], target: [] });
      source.push(s);
    } else if (r < 0.04) {
      truth.push({ source: [], target: [target.length] });
      target.push(t);
    } else if (r < 0.07 && last && last.source.length === 1 && last.target.length === 1) {
      last.source.push(source.length);
      source.push(s);
      target[target.length - 1] = `${target[target.length - 1]} ${t}`;
    } else {
      truth.push({ source: [source.length], target: [target.length] });
      source.push(s);
      target.push(t);
    }
  }
  source.length = n;
  target.length = n;
  const gold = truth.filter(
    (b) =>
      b.source.every((i) => i < n) &&
      b.target.every((j) => j < n) &&
      b.source.length + b.target.length > 0,
  );
  let peak = process.memoryUsage().rss;
  const before = peak;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = performance.now();
  const cpu = process.cpuUsage();
  let ticks = 0;
  const plan = alignSentences(source, target, {
    sourceLang: "en",
    targetLang: "en",
    onProgress: () => {
      ticks++;
      peak = Math.max(peak, process.memoryUsage().rss);
    },
  });
  const ms = performance.now() - t;
  const cpuUsed = process.cpuUsage(cpu);
  const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const full = (n + 1) * (n + 1) * 9;
  const f1 = scoresOf(countDocument(plan.links, gold)).strict.f1;
  console.log("Scale: 10,000 × 10,000 sentences (synthetic translation with known links)");
  console.log(
    `    selaras       ${(ms / 1000).toFixed(2)} s wall (${(cpuMs / 1000).toFixed(2)} s CPU), ${plan.links.length} links (strict F1 ${f1.toFixed(3)} against the generator's links), peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (+${((peak - before) / 2 ** 20).toFixed(0)} MiB over the loaded texts), ${ticks} progress calls`,
  );
  console.log(
    `    full matrix   ${(full / 2 ** 20).toFixed(0)} MiB for cost (float64) + back-pointers (uint8) alone, without the lexical scores`,
  );
}

if (process.argv.includes("--scale-child")) scaleChild();
else await main();
