/**
 * Translation-memory material for the tm bench and the CLI fixture: the corpus's sentence triples
 * (Indonesian with its Vietnamese and English sentences, from the gold alignments), and a
 * deterministic generator of realistic variants of them (numbers changed, words swapped, dropped
 * or added, clauses recombined) for memories of any size.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { segmentText } from "../../src/core/segment/segment.ts";
import type { Lang } from "../../src/core/model/languages.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NAMES = ["konvensi-hanoi-upacara-penandatanganan", "konvensi-hanoi-menteri-luong-tam-quang"];

export interface Triple {
  id: string;
  vi: string;
  en: string;
}

function sentences(name: string, lang: Lang): string[] {
  const text = readFileSync(path.join(ROOT, "corpus", lang, `${name}.txt`), "utf8");
  return segmentText(text, lang).flatMap((p) => p.sentences);
}

interface Gold {
  links: Array<{ source: number[]; target: number[] }>;
}

function gold(name: string, lang: "vi" | "en"): Map<string, number[]> {
  const file = path.join(ROOT, "test/fixtures/align", `${name}.${lang}.gold.json`);
  const g = JSON.parse(readFileSync(file, "utf8")) as Gold;
  return new Map(
    g.links.filter((l) => l.source.length > 0).map((l) => [l.source.join(","), l.target]),
  );
}

/** Every source sentence group of the corpus that both gold alignments link to a translation. */
export function corpusTriples(): Triple[] {
  const out: Triple[] = [];
  for (const name of NAMES) {
    const id = sentences(name, "id");
    const vi = sentences(name, "vi");
    const en = sentences(name, "en");
    const gv = gold(name, "vi");
    const ge = gold(name, "en");
    for (const [key, tv] of gv) {
      const te = ge.get(key);
      if (!te || tv.length === 0 || te.length === 0) continue;
      out.push({
        id: key
          .split(",")
          .map((k) => id[Number(k)]!)
          .join(" "),
        vi: tv.map((k) => vi[k]!).join(" "),
        en: te.map((k) => en[k]!).join(" "),
      });
    }
  }
  return out;
}

/** Deterministic 32-bit generator (mulberry32): the same seed gives the same memory. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  "ba be bi bu da de di du ga gi gu ja ju ka ke ki ku la le li lu ma me mi mu na ni nu nga ngi pa pe pi pu ra re ri ru sa se si su ta te ti tu wa wi ya yu an ang ar as at".split(
    " ",
  );
const PREFIXES = [
  "",
  "",
  "",
  "me",
  "mem",
  "men",
  "meng",
  "di",
  "ber",
  "ter",
  "pe",
  "pen",
  "ke",
  "se",
];
const SUFFIXES = ["", "", "", "kan", "an", "i", "nya", "lah"];

/**
 * Words for the memory: the corpus's own Indonesian words (most frequent first) followed by
 * invented root words with Indonesian affixes and by names, so that the vocabulary has the tens of
 * thousands of types of a real memory; drawn with Zipf's law (weight 1 / rank).
 */
class Vocabulary {
  readonly words: string[];
  private readonly cumulative: Float64Array;

  constructor(corpusWords: readonly string[], rand: () => number, extra: number) {
    const counts = new Map<string, number>();
    for (const w of corpusWords) counts.set(w, (counts.get(w) ?? 0) + 1);
    const own = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    const seen = new Set(own.map((w) => w.toLowerCase()));
    const invented: string[] = [];
    while (invented.length < extra) {
      const n = 2 + Math.floor(rand() * 2);
      let root = "";
      for (let k = 0; k < n; k++) root += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
      const name = rand() < 0.15;
      const word = name
        ? root[0]!.toUpperCase() + root.slice(1)
        : PREFIXES[Math.floor(rand() * PREFIXES.length)]! +
          root +
          SUFFIXES[Math.floor(rand() * SUFFIXES.length)]!;
      if (seen.has(word.toLowerCase())) continue;
      seen.add(word.toLowerCase());
      invented.push(word);
    }
    // Interleave: the corpus's words keep the top ranks, invented ones fill the long tail.
    this.words = [...own, ...invented];
    this.cumulative = new Float64Array(this.words.length);
    let sum = 0;
    for (let r = 0; r < this.words.length; r++) this.cumulative[r] = sum += 1 / (r + 1);
  }

  pick(rand: () => number): string {
    const x = rand() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

function randomNumber(rand: () => number, lang: "id" | "vi" | "en"): string {
  const kind = rand();
  const group = lang === "en" ? "," : ".";
  const decimal = lang === "en" ? "." : ",";
  if (kind < 0.45) return String(1 + Math.floor(rand() * 200));
  if (kind < 0.65) return String(1990 + Math.floor(rand() * 40));
  if (kind < 0.85) {
    const v = String(1000 + Math.floor(rand() * 99000));
    return v.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  }
  return `${1 + Math.floor(rand() * 99)}${decimal}${1 + Math.floor(rand() * 9)}`;
}

export interface GeneratedUnit {
  id: string;
  source: string;
  targets: { vi: string; en: string };
}

export interface MemoryGenerator {
  /** The next unit of the memory (deterministic sequence). */
  unit(k: number): GeneratedUnit;
  /** A query close to a given text: 1–3 word edits and changed numbers. */
  nearQuery(text: string): string;
  /** The text with only its numbers changed (the number-substitution path). */
  numbersQuery(text: string): string;
  /** A query that shares about half of a given text. */
  halfQuery(text: string): string;
  /** A sentence of the same vocabulary that no unit was made from. */
  unrelatedQuery(): string;
}

/**
 * Realistic Indonesian units: windows of 4–40 words of the corpus sentences, every number
 * changed (Indonesian notation in the source, each target's own notation in the targets), one
 * word in five replaced from the Zipf vocabulary and 0–4 more edits; targets the matching share of the
 * corpus translations with the same numbers.
 */
export function memoryGenerator(seed: number): MemoryGenerator {
  const rand = random(seed);
  const triples = corpusTriples().filter(
    (t) => /\p{L}{3}/u.test(t.id) && !t.id.startsWith("Sumber:"),
  );
  const split = (s: string) => s.split(/\s+/).filter((w) => w !== "");
  const bases = triples.map((t) => ({ id: split(t.id), vi: split(t.vi), en: split(t.en) }));
  const vocab = new Vocabulary(
    bases.flatMap((b) =>
      b.id.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter((w) => w !== ""),
    ),
    rand,
    40_000,
  );
  const pickInt = (n: number) => Math.floor(rand() * n);

  function mutate(words: string[], edits: number): string[] {
    const out = words.slice();
    for (let e = 0; e < edits && out.length > 1; e++) {
      const at = pickInt(out.length);
      const op = rand();
      if (op < 0.5) out[at] = vocab.pick(rand);
      else if (op < 0.75) out.splice(at, 1);
      else out.splice(at, 0, vocab.pick(rand));
    }
    return out;
  }

  function withNumbers(text: string, numbers: readonly number[], lang: "id" | "vi" | "en"): string {
    let k = 0;
    return text.replace(NUMBER, () => {
      const r = random(numbers[k++ % Math.max(1, numbers.length)]!);
      return randomNumber(r, lang);
    });
  }

  function unit(k: number): GeneratedUnit {
    const base = bases[pickInt(bases.length)]!;
    const n = base.id.length;
    const len = Math.min(n, 4 + pickInt(37));
    const start = pickInt(n - len + 1);
    // About one word in five drawn from the vocabulary, and 0–4 words dropped or added.
    const window = base.id
      .slice(start, start + len)
      .map((w) => (rand() < 0.2 ? vocab.pick(rand) : w));
    const source = mutate(window, pickInt(5));
    const share = (w: string[]) => {
      const a = Math.floor((start / n) * w.length);
      const b = Math.max(a + 1, Math.round(((start + len) / n) * w.length));
      return w.slice(a, b).join(" ");
    };
    const numbers = Array.from({ length: 8 }, () => 1 + pickInt(2 ** 31));
    return {
      id: `u${k}`,
      source: withNumbers(source.join(" "), numbers, "id"),
      targets: {
        vi: withNumbers(share(base.vi), numbers, "vi"),
        en: withNumbers(share(base.en), numbers, "en"),
      },
    };
  }

  const changeNumbers = (text: string) => text.replace(NUMBER, () => randomNumber(rand, "id"));

  return {
    unit,
    numbersQuery: changeNumbers,
    nearQuery: (text) => changeNumbers(mutate(split(text), 1 + pickInt(3)).join(" ")),
    halfQuery: (text) => {
      const words = split(text);
      return mutate(words, Math.max(1, Math.floor(words.length * 0.35))).join(" ");
    },
    unrelatedQuery: () => {
      const len = 6 + pickInt(25);
      const words = Array.from({ length: len }, () => vocab.pick(rand));
      return `${words.join(" ")}.`;
    },
  };
}
