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

/** A URL or a file name in a text. */
const HAS_SPAN = /https?:\/\/|www\.|\.(?:jpe?g|png|pdf|html?)\b/i;

/**
 * Plants one error of a family in one target; null when the sentence has nothing to change, or
 * when the change would also be an error of another family (so that each planted unit has exactly
 * one true error).
 */
function plant(t: { id: string; vi: string; en: string }, family: string, lang: Lang): Unit | null {
  const u = { tuid: "", ...t };
  const text = u[lang];
  switch (family) {
    case "numbers": {
      // A plain number: not one inside a URL or file name (changing those is a URL or file error).
      if (HAS_SPAN.test(text)) return null;
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
      // Before a last word of letters only (inside a file name it would change the file name too).
      if (!/ \p{L}+[.!?]?$/u.test(text)) return null;
      u[lang] = text.replace(/ (\S+)$/, " ($1");
      break;
    case "repeated-words": {
      const m = / (\p{L}{3,}) /u.exec(text);
      if (!m) return null;
      u[lang] = text.replace(m[0], ` ${m[1]} ${m[1]} `);
      break;
    }
    case "length-ratio":
      // Cutting a sentence with numbers, URLs or file names would also drop those: another error.
      if (u.id.length < 80 || /\d/.test(u.id) || HAS_SPAN.test(u.id)) return null;
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

/**
 * Composed triples where numbers are written differently by locale (separators, number words,
 * times, dates, ranges, ordinals, amounts), plus names and codes-only cells: clean as given (no
 * finding is right), and each with one wrong value planted per target (`bad`: text → wrong text).
 */
const TRICKY: readonly {
  id: string;
  vi: string;
  en: string;
  bad: { vi: [string, string]; en: [string, string] };
}[] = [
  {
    id: "Harga naik 2,5 persen.",
    vi: "Giá tăng 2,5 phần trăm.",
    en: "Prices rose 2.5 percent.",
    bad: { vi: ["2,5", "3,5"], en: ["2.5", "25"] },
  },
  {
    id: "Lebih dari 2.500 delegasi hadir.",
    vi: "Hơn 2.500 đại biểu có mặt.",
    en: "More than 2,500 delegates attended.",
    bad: { vi: ["2.500", "2.600"], en: ["2,500", "2,050"] },
  },
  {
    id: "Acara dimulai pukul 10.30 WIB.",
    vi: "Sự kiện bắt đầu lúc 10:30 (giờ Jakarta).",
    en: "The event began at 10:30 Jakarta time.",
    bad: { vi: ["10:30", "11:30"], en: ["10:30", "10:45"] },
  },
  {
    id: "Dua puluh negara menandatangani konvensi itu.",
    vi: "Hai mươi quốc gia đã ký công ước đó.",
    en: "Twenty countries signed the convention.",
    bad: { vi: ["Hai mươi", "Ba mươi"], en: ["Twenty", "Twelve"] },
  },
  {
    id: "Anggarannya Rp 2,5 juta.",
    vi: "Ngân sách là 2,5 triệu rupiah.",
    en: "The budget is 2.5 million rupiah.",
    bad: { vi: ["2,5 triệu", "25 triệu"], en: ["2.5 million", "2.5 billion"] },
  },
  {
    id: "Populasinya 1.234.567 jiwa.",
    vi: "Dân số là 1.234.567 người.",
    en: "Its population is 1,234,567.",
    bad: { vi: ["1.234.567", "1.234.576"], en: ["1,234,567", "1,243,567"] },
  },
  {
    id: "Suhu turun menjadi 3,5 derajat.",
    vi: "Nhiệt độ giảm xuống 3,5 độ.",
    en: "The temperature fell to 3.5 degrees.",
    bad: { vi: ["3,5", "5,3"], en: ["3.5", "3"] },
  },
  {
    id: "Sebanyak 72 negara hadir.",
    vi: "72 quốc gia đã có mặt.",
    en: "Seventy-two countries attended.",
    bad: { vi: ["72", "27"], en: ["Seventy-two", "Sixty-two"] },
  },
  {
    id: "Pada tahun 2025, Vietnam menjadi tuan rumah.",
    vi: "Năm 2025, Việt Nam là nước chủ nhà.",
    en: "In 2025, Vietnam was the host.",
    bad: { vi: ["2025", "2024"], en: ["2025", "2015"] },
  },
  {
    id: "Tiga ratus peserta mendaftar.",
    vi: "Ba trăm người tham gia đã đăng ký.",
    en: "Three hundred participants registered.",
    bad: { vi: ["Ba trăm", "Bốn trăm"], en: ["Three hundred", "Three thousand"] },
  },
  {
    id: "Nilainya mencapai 1,2 miliar dolar.",
    vi: "Giá trị đạt 1,2 tỷ đô la.",
    en: "Its value reached 1.2 billion dollars.",
    bad: { vi: ["1,2 tỷ", "1,2 triệu"], en: ["1.2 billion", "2.1 billion"] },
  },
  {
    id: "Bab 5, Pasal 64 mengatur hal itu.",
    vi: "Chương 5, Điều 64 quy định việc đó.",
    en: "Chapter 5, Article 64 governs this.",
    bad: { vi: ["Điều 64", "Điều 46"], en: ["Article 64", "Article 65"] },
  },
  {
    id: "Sekitar 50% peserta adalah perempuan.",
    vi: "Khoảng 50% người tham gia là phụ nữ.",
    en: "About 50% of the participants were women.",
    bad: { vi: ["50%", "15%"], en: ["50%", "5%"] },
  },
  {
    id: "Batas waktunya 25/10/2025.",
    vi: "Hạn chót là 25/10/2025.",
    en: "The deadline is 25/10/2025.",
    bad: { vi: ["25/10/2025", "26/10/2025"], en: ["25/10/2025", "25/11/2025"] },
  },
  {
    id: "Hanya satu negara menolak.",
    vi: "Chỉ một quốc gia phản đối.",
    en: "Only one country objected.",
    bad: { vi: ["một", "hai"], en: ["one", "two"] },
  },
  {
    id: "Konferensi berlangsung pada 25-26 Oktober.",
    vi: "Hội nghị diễn ra vào 25-26 tháng Mười.",
    en: "The conference takes place on 25–26 October.",
    bad: { vi: ["25-26", "24-26"], en: ["25–26", "25–27"] },
  },
  {
    id: "Ia menempati peringkat ke-3.",
    vi: "Anh ấy xếp thứ 3.",
    en: "He ranked 3rd.",
    bad: { vi: ["thứ 3", "thứ 4"], en: ["3rd", "5th"] },
  },
  {
    id: "Jumlah pesertanya 10.000 orang.",
    vi: "Số người tham gia là 10.000 người.",
    en: "There were 10,000 participants.",
    bad: { vi: ["10.000", "100.000"], en: ["10,000", "1,000"] },
  },
  {
    id: "Harganya 0,75 dolar per unit.",
    vi: "Giá là 0,75 đô la mỗi đơn vị.",
    en: "The price is 0.75 dollars per unit.",
    bad: { vi: ["0,75", "0,57"], en: ["0.75", "7.5"] },
  },
  {
    id: "Kecepatannya 120 km/jam.",
    vi: "Tốc độ là 120 km/giờ.",
    en: "Its speed is 120 km/h.",
    bad: { vi: ["120", "210"], en: ["120", "112"] },
  },
  {
    id: "Menteri Luong Tam Quang menghadiri upacara itu.",
    vi: "Bộ trưởng Lương Tam Quang dự buổi lễ đó.",
    en: "Minister Luong Tam Quang attended the ceremony.",
    bad: { vi: ["Bộ trưởng", "Bộ trưởng 2"], en: ["Minister", "Minister 2"] },
  },
  {
    id: "ISO 9001",
    vi: "ISO 9001",
    en: "ISO 9001",
    bad: { vi: ["9001", "9010"], en: ["9001", "9011"] },
  },
  {
    id: "Lima belas menit kemudian, rapat ditutup.",
    vi: "Mười lăm phút sau, cuộc họp kết thúc.",
    en: "Fifteen minutes later, the meeting closed.",
    bad: { vi: ["Mười lăm", "Mười"], en: ["Fifteen", "Fifty"] },
  },
  {
    id: "Dari 193 negara anggota, 65 telah menandatangani.",
    vi: "Trong số 193 quốc gia thành viên, 65 nước đã ký.",
    en: "Of the 193 member states, 65 have signed.",
    bad: { vi: ["65", "56"], en: ["193", "139"] },
  },
];

function goldSet(): Unit[] {
  const triples = corpusTriples();
  const units: Unit[] = [];
  let n = 0;
  for (let round = 0; round < 2; round++)
    for (const t of triples) units.push({ tuid: `c${++n}`, ...t });
  for (const t of TRICKY) {
    units.push({ tuid: `t${++n}`, id: t.id, vi: t.vi, en: t.en });
    for (const lang of ["vi", "en"] as const) {
      const [from, to] = t.bad[lang];
      if (!t[lang].includes(from)) throw new Error(`bench gold set: "${from}" not in "${t[lang]}"`);
      const wrong = { id: t.id, vi: t.vi, en: t.en, [lang]: t[lang].replace(from, to) };
      units.push({ tuid: `t${++n}`, ...wrong, planted: { family: "numbers", lang } });
    }
  }
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
// QA_BENCH_DEBUG=numbers lists that family's false positives and negatives with the texts.
const debug = process.env["QA_BENCH_DEBUG"];
if (debug)
  for (const u of units)
    for (const lang of ["vi", "en"] as const) {
      const gold = u.planted?.family === debug && u.planted.lang === lang;
      const hit = ours.has(`${u.tuid} ${lang} ${debug}`);
      if (gold !== hit)
        console.log(`${hit ? "FP" : "FN"} ${u.tuid} ${lang}\n  id: ${u.id}\n  ${lang}: ${u[lang]}`);
    }
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
