/**
 * Segmentation bench: boundary precision / recall / F1 and exact paragraphs on the gold sets, and
 * throughput on a ~10 MB text, for Selaras and for Intl.Segmenter (the baseline, same run, called
 * per paragraph). Run: node --import tsx test/bench/segment.bench.ts
 */
import { readdirSync } from "node:fs";
import { segmentParagraph } from "../../src/core/segment/segment.ts";
import { LANGS, type Lang } from "../../src/core/model/languages.ts";
import { loadGold, metrics, score } from "../unit/segment/gold.ts";

type Segmenter = (text: string) => string[];

function intl(lang: Lang): Segmenter {
  const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
  return (text) => {
    const out: string[] = [];
    for (const { segment } of segmenter.segment(text)) {
      const trimmed = segment.trim();
      if (trimmed !== "") out.push(trimmed);
    }
    return out;
  };
}

const selaras =
  (lang: Lang): Segmenter =>
  (text) =>
    segmentParagraph(text, lang);

const TARGET_BYTES = 10 * 1024 * 1024;
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function corpus(lang: Lang): { paragraphs: string[]; bytes: number } {
  const gold = loadGold(lang).map((p) => p.text);
  const paragraphs: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const text = gold[i % gold.length]!;
    paragraphs.push(text);
    bytes += Buffer.byteLength(text, "utf8") + 1;
  }
  return { paragraphs, bytes };
}

function throughput(segment: Segmenter, paragraphs: readonly string[], bytes: number): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    let count = 0;
    for (const p of paragraphs) count += segment(p).length;
    const seconds = (performance.now() - start) / 1000;
    if (count === 0) throw new Error("no sentences");
    best = Math.min(best, seconds);
  }
  return bytes / 1e6 / best;
}

console.log(`Node ${process.version}, ICU ${process.versions.icu}`);
console.log("lang  segmenter        P      R      F1   exact¶   MB/s   (gold ¶ / boundaries)");
for (const lang of LANGS) {
  const gold = loadGold(lang);
  const { paragraphs, bytes } = corpus(lang);
  for (const [name, make] of [
    ["Selaras", selaras],
    ["Intl.Segmenter", intl],
  ] as const) {
    const segment = make(lang);
    const s = score(gold, segment);
    const m = metrics(s);
    segment(paragraphs[0]!); // warm up
    const speed = throughput(segment, paragraphs, bytes);
    console.log(
      `${lang.padEnd(4)}  ${name.padEnd(15)} ${pct(m.precision)}  ${pct(m.recall)}  ${pct(m.f1)}  ${pct(m.exact)}  ${speed.toFixed(1).padStart(6)}   (${gold.length} / ${s.truePositives + s.falseNegatives})`,
    );
  }
}
console.log(
  `throughput: ~${(TARGET_BYTES / 1e6).toFixed(1)} MB of repeated gold paragraphs per language, per-paragraph calls, best of 3`,
);

// Blind sets (test/fixtures/segment/README-blind.md): written and labelled by someone who never saw
// the rules or ran the segmenter, and never used for tuning. The honest estimate of unseen text.
console.log("\nblind held-out sets (never used for tuning)");
console.log("lang  segmenter        P      R      F1   exact¶   (¶ / boundaries)");
// Each language's blind sets: `blind`, then `blind2`, … as they were written (one per round).
const BLIND_SETS = readdirSync(new URL("../fixtures/segment/", import.meta.url))
  .map((f) => /^gold-([a-z]+)-(blind\d*)\.jsonl$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ lang: m[1] as Lang, set: m[2]! }))
  .sort((a, b) => LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang) || a.set.localeCompare(b.set));
for (const { lang, set } of BLIND_SETS) {
  const gold = loadGold(lang, set);
  for (const [name, make] of [
    ["Selaras", selaras],
    ["Intl.Segmenter", intl],
  ] as const) {
    const s = score(gold, make(lang));
    const m = metrics(s);
    console.log(
      `${lang.padEnd(4)}  ${name.padEnd(15)} ${pct(m.precision)}  ${pct(m.recall)}  ${pct(m.f1)}  ${pct(m.exact)}   (${gold.length} / ${s.truePositives + s.falseNegatives}, ${set})`,
    );
  }
}

// Whole strings (one paragraph of joined gold text): Selaras stays linear; Intl.Segmenter is
// quadratic on long strings on Node 20 (V8 11.3), so it is measured on the two small sizes only.
const joined = loadGold("id")
  .map((p) => p.text)
  .join(" ");
console.log("\nwhole-string segmentation (id), seconds:");
console.log("size MB   Selaras   Intl.Segmenter");
for (const mb of [0.1, 0.2, 0.4, 0.8, 1.6]) {
  let text = joined;
  while (Buffer.byteLength(text, "utf8") < mb * 1e6) text += ` ${text}`;
  text = text.slice(0, Math.round(mb * 1e6));
  const timed = (segment: Segmenter) => {
    const start = performance.now();
    segment(text);
    return ((performance.now() - start) / 1000).toFixed(3);
  };
  const ours = timed(selaras("id"));
  const theirs = mb <= 0.2 ? timed(intl("id")) : "(skipped)";
  console.log(`${mb.toFixed(1).padStart(7)}   ${ours.padStart(7)}   ${theirs.padStart(14)}`);
}
