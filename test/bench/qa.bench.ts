/**
 * `npm run bench -- qa` (issue 12): precision and recall of the QA checks on a composed gold set
 * (the corpus's sentence triples, each copied with one planted error of one kind in one column,
 * plus the clean originals), side by side with translate-toolkit's `pofilter` on the same TMX per
 * target language; then speed of all checks on many units, with `pofilter` as the baseline.
 * Consistency is left out of the gold run: the copies share their sources on purpose.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BundleDocument, BundleSegment } from "../../src/core/model/bundle.ts";
import { runQa } from "../../src/core/qa/run-qa.ts";
import type { CheckId } from "../../src/core/qa/types.ts";
import { CHECK_IDS } from "../../src/core/qa/types.ts";
import { corpusTriples, random } from "./tm-data.ts";

type Lang = "vi" | "en";
interface Unit {
  tuid: string;
  id: string;
  vi: string;
  en: string;
  /** The planted error's family and column; none for clean units. */
  planted?: { family: string; lang: Lang };
}

const B = '\uE000<bpt i="1" x="1">&lt;b&gt;</bpt>\uE001';
const EB = '\uE000<ept i="1">&lt;/b&gt;</ept>\uE001';
const URL = "https://www.unodc.org/unodc/en/cybercrime/convention/home.html";

/** Plants one error of a family in one target; null when the sentence has nothing to change. */
function plant(t: { id: string; vi: string; en: string }, family: string, lang: Lang): Unit | null {
  const u = { tuid: "", ...t };
  const text = u[lang];
  switch (family) {
    case "numbers": {
      const m = /\d+/.exec(text);
      if (!m || !/\d/.test(u.id)) return null;
      u[lang] =
        text.slice(0, m.index) + String(Number(m[0]) + 3) + text.slice(m.index + m[0].length);
      break;
    }
    case "inline-codes": {
      const wrap = (s: string) => s.replace(/^(\S+)/, `${B}$1${EB}`);
      u.id = wrap(u.id);
      u.vi = wrap(u.vi);
      u.en = wrap(u.en);
      u[lang] = u[lang].replace(B, "").replace(EB, "");
      break;
    }
    case "urls":
      u.id += ` Info: ${URL}`;
      u.vi += ` Thông tin: ${URL}`;
      u.en += ` Information: ${URL}`;
      u[lang] = u[lang].replace("/convention/", "/");
      break;
    case "untranslated":
      u[lang] = u.id;
      break;
    case "end-punctuation":
      if (!/[.]$/.test(text) || !/[.]$/.test(u.id)) return null;
      u.id = u.id.replace(/\.$/, "?");
      u[lang === "vi" ? "en" : "vi"] = u[lang === "vi" ? "en" : "vi"].replace(/\.$/, "?");
      break;
    case "spaces":
      u[lang] = text.replace(" ", "  ");
      break;
    case "brackets":
      u[lang] = text.replace(/ (\S+)$/, " ($1");
      break;
    case "repeated-words": {
      const m = / (\p{L}{3,}) /u.exec(text);
      if (!m) return null;
      u[lang] = text.replace(m[0], ` ${m[1]} ${m[1]} `);
      break;
    }
    case "length-ratio":
      if (u.id.length < 80) return null;
      u[lang] = text.slice(0, Math.round(text.length * 0.25)).replace(/\s\S*$/, ".");
      break;
    default:
      return null;
  }
  return { ...u, planted: { family, lang } };
}

const FAMILIES = [
  "numbers",
  "inline-codes",
  "urls",
  "untranslated",
  "end-punctuation",
  "spaces",
  "brackets",
  "repeated-words",
  "length-ratio",
];

function goldSet(): Unit[] {
  const triples = corpusTriples();
  const units: Unit[] = [];
  let n = 0;
  for (let round = 0; round < 2; round++)
    for (const t of triples) units.push({ tuid: `c${++n}`, ...t });
  triples.forEach((t, k) => {
    for (const family of FAMILIES)
      for (const lang of ["vi", "en"] as const) {
        if ((k + FAMILIES.indexOf(family) + (lang === "vi" ? 0 : 1)) % 2 !== 0) continue;
        const u = plant(t, family, lang);
        if (u) units.push({ ...u, tuid: `p${++n}` });
      }
  });
  return units;
}

/** Our check ids (and cross-target codes) as the families of the gold set. */
function familyOf(check: CheckId, code: string, value: string): string {
  if (check !== "cross-target") return check;
  if (code === "cross.number") return "numbers";
  if (code === "cross.span") return value.startsWith("⟦") ? "inline-codes" : "urls";
  return code;
}

/** pofilter's test names as the same families. */
const POFILTER: Record<string, string> = {
  numbers: "numbers",
  xmltags: "inline-codes",
  urls: "urls",
  emails: "urls",
  filepaths: "urls",
  untranslated: "untranslated",
  unchanged: "untranslated",
  endpunc: "end-punctuation",
  doublespacing: "spaces",
  startwhitespace: "spaces",
  endwhitespace: "spaces",
  brackets: "brackets",
  doublequoting: "brackets",
  doublewords: "repeated-words",
  long: "length-ratio",
  short: "length-ratio",
};

type Found = Set<string>; // `${tuid} ${lang} ${family}`

function score(units: readonly Unit[], found: Found, families: readonly string[]) {
  const rows: string[] = [];
  let [tpAll, fpAll, fnAll] = [0, 0, 0];
  for (const family of families) {
    let [tp, fp, fn] = [0, 0, 0];
    for (const u of units)
      for (const lang of ["vi", "en"] as const) {
        const isGold = u.planted?.family === family && u.planted.lang === lang;
        const hit = found.has(`${u.tuid} ${lang} ${family}`);
        if (isGold && hit) tp++;
        else if (hit) fp++;
        else if (isGold) fn++;
      }
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    rows.push(
      `${family.padEnd(16)} P ${(tp / Math.max(1, tp + fp)).toFixed(2)}  R ${(tp / Math.max(1, tp + fn)).toFixed(2)}  (tp ${tp}, fp ${fp}, fn ${fn})`,
    );
  }
  return {
    rows,
    precision: tpAll / Math.max(1, tpAll + fpAll),
    recall: tpAll / Math.max(1, tpAll + fnAll),
  };
}

function toDocument(units: readonly Unit[]): BundleDocument {
  const segments: BundleSegment[] = units.map((u, k) => ({
    id: u.tuid,
    paragraph: k,
    source: u.id,
    targets: { vi: { text: u.vi, status: "translated" }, en: { text: u.en, status: "translated" } },
  }));
  return { id: "gold", title: "gold", sourceLang: "id", segments };
}

const xmlSeg = (t: string) =>
  t
    .replace(/\uE000[^\uE001]*\uE001/g, (p) => (p === B ? "<b>" : p === EB ? "</b>" : ""))
    .replace(/&(?!lt;|gt;)/g, "&amp;")
    .replace(/<(?!\/?b>)/g, "&lt;")
    .replace(/<(\/?)b>/g, "&lt;$1b&gt;");

function tmxFor(units: readonly Unit[], lang: Lang): string {
  const body = units
    .map(
      (u) =>
        `<tu tuid="${u.tuid}"><tuv xml:lang="id"><seg>${xmlSeg(u.id)}</seg></tuv><tuv xml:lang="${lang}"><seg>${xmlSeg(u[lang])}</seg></tuv></tu>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="id" datatype="plaintext"/><body>\n${body}\n</body></tmx>\n`;
}

function pofilter(units: readonly Unit[], dir: string): { found: Found; ms: number } | null {
  const found: Found = new Set();
  let ms = 0;
  for (const lang of ["vi", "en"] as const) {
    const input = path.join(dir, `in-${lang}.tmx`);
    const output = path.join(dir, `out-${lang}.tmx`);
    writeFileSync(input, tmxFor(units, lang));
    const t0 = performance.now();
    const r = spawnSync("pofilter", [`--language=${lang}`, "-i", input, "-o", output], {
      encoding: "utf8",
    });
    ms += performance.now() - t0;
    if (r.status !== 0 || r.error) return null;
    const out = readFileSync(output, "utf8");
    for (const tu of out.matchAll(/<tu tuid="([^"]+)">([\s\S]*?)<\/tu>/g))
      for (const note of tu[2]!.matchAll(/<note>(\w+):/g)) {
        const family = POFILTER[note[1]!];
        if (family) found.add(`${tu[1]} ${lang} ${family}`);
      }
  }
  return { found, ms };
}

const units = goldSet();
console.log(
  `gold set: ${units.length} units id/vi/en, ${units.filter((u) => u.planted).length} with one planted error`,
);
const checks = CHECK_IDS.filter((c) => c !== "consistency");
const ours: Found = new Set();
for (const f of runQa([toDocument(units)], { checks })) {
  if (f.finding.severity === "info") continue;
  ours.add(
    `${f.segmentId} ${f.lang} ${familyOf(f.finding.check, f.finding.code, String(f.finding.params["value"] ?? ""))}`,
  );
}
const selaras = score(units, ours, FAMILIES);
console.log("\nSelaras qa (errors and warnings):");
for (const r of selaras.rows) console.log(`  ${r}`);
console.log(
  `  overall          P ${selaras.precision.toFixed(3)}  R ${selaras.recall.toFixed(3)}  (targets P ≥ 0.95, R ≥ 0.90)`,
);

const dir = mkdtempSync(path.join(tmpdir(), "selaras-qa-bench-"));
let failed = selaras.precision < 0.95 || selaras.recall < 0.9;
try {
  const po = pofilter(units, dir);
  if (!po) console.log("\npofilter (translate-toolkit) not available: no baseline");
  else {
    const theirs = score(units, po.found, FAMILIES);
    console.log("\npofilter (translate-toolkit), same units, one TMX per target language:");
    for (const r of theirs.rows) console.log(`  ${r}`);
    console.log(
      `  overall          P ${theirs.precision.toFixed(3)}  R ${theirs.recall.toFixed(3)}`,
    );
    const ahead = selaras.precision > theirs.precision && selaras.recall > theirs.recall;
    console.log(`  Selaras ahead on both: ${ahead ? "yes" : "NO"}`);
    if (!ahead) failed = true;

    // Speed: the gold units repeated to SPEED_UNITS, all checks on both targets, vs pofilter.
    const size = Number(process.env["QA_BENCH_UNITS"] ?? 20000);
    const many: Unit[] = [];
    for (let k = 0; many.length < size; k++)
      many.push({ ...units[k % units.length]!, tuid: `s${k}` });
    const rnd = random(7);
    for (const u of many) if (rnd() < 0.5) u.en = `${u.en} `;
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const findings = runQa([toDocument(many)]);
    const ours = performance.now() - t0;
    const heap = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
    const base = pofilter(many, dir);
    console.log(
      `\nspeed: ${size} units × 2 targets, all checks (consistency included): ${(ours / 1000).toFixed(2)} s, ${findings.length} findings, heap +${heap.toFixed(0)} MB`,
    );
    if (base)
      console.log(
        `  pofilter on the same units (two files): ${(base.ms / 1000).toFixed(2)} s; ratio Selaras/pofilter ${(ours / base.ms).toFixed(2)}`,
      );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
