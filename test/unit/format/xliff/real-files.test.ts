/**
 * Real XLIFF and TMX files from other tools' public test suites (test/fixtures/README.md says where
 * each comes from), one group per class of issue 11: read → written (XLIFF 1.2, XLIFF 2.0, TMX,
 * JSON) → read back equal, inline codes kept, every written XLIFF/TMX valid (xmllint), and what
 * Selaras reads compared with what translate-toolkit reads from the same file.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../../../src/core/model/app-error.ts";
import type { Bundle } from "../../../../src/core/model/bundle.ts";
import type { TargetLang } from "../../../../src/core/model/languages.ts";
import { memoryFormatOf, readMemoryFile } from "../../../../src/core/format/read-memory-file.ts";
import { readJson } from "../../../../src/core/format/json/read-json.ts";
import { writeJson } from "../../../../src/core/format/json/write-json.ts";
import {
  flattenInlineCodes,
  splitInlineCodes,
} from "../../../../src/core/format/tmx/inline-codes.ts";
import { readTmxWithReport } from "../../../../src/core/format/tmx/read-tmx.ts";
import { writeTmx } from "../../../../src/core/format/tmx/write-tmx.ts";
import { readXliff } from "../../../../src/core/format/xliff/read-xliff.ts";
import type { XliffReadResult } from "../../../../src/core/format/xliff/read-xliff.ts";
import { writeXliff12 } from "../../../../src/core/format/xliff/write-xliff12.ts";
import { writeXliff2 } from "../../../../src/core/format/xliff/write-xliff2.ts";
import { decodeXmlBytes } from "../../../../src/core/format/xml/decode-xml-bytes.ts";
import { normalizeForXml } from "../../../../src/core/format/xml/xml-chars.ts";
import {
  checkTmxTexts,
  checkXmlSchema,
  REPO_ROOT,
  withTempFiles,
} from "../../../helpers/xml-validators.ts";

vi.setConfig({ testTimeout: 60_000 });

const XLIFF_DIR = path.join(REPO_ROOT, "test/fixtures/xliff/real");
const TMX_DIR = path.join(REPO_ROOT, "test/fixtures/tmx/real");
const PYTHON = "/usr/bin/python3";
const WHEN = new Date("2026-01-02T03:04:05Z");

// ---------------------------------------------------------------- translate-toolkit

interface TtUnit {
  id: string;
  source: string;
  target: string | null;
  /** TMX: xml:lang → text. */
  texts?: Record<string, string>;
}

const TT_SCRIPT = `
import json, sys
from translate.storage import xliff, tmx
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
out = {}
for name in sys.argv[1:]:
    with open(name, "rb") as fh:
        data = fh.read()
    units = []
    if name.endswith(".tmx"):
        for u in tmx.tmxfile(data).units:
            texts = {}
            for node in u.getlanguageNodes():
                lang = node.get(XML_LANG) or node.get("lang")
                texts.setdefault(lang, u.getNodeText(node))
            units.append({"id": u.getid(), "source": u.source, "target": u.target, "texts": texts})
    else:
        for u in xliff.xlifffile(data).units:
            if u.isheader():
                continue
            units.append({"id": u.getid(), "source": u.source, "target": u.target})
    out[name] = units
print(json.dumps(out))
`;

/** Whether Debian's python3 has translate-toolkit (CI installs it); null when it has. */
function ttMissing(): string | null {
  const probe = spawnSync(PYTHON, ["-c", "import translate.storage.xliff, translate.storage.tmx"], {
    encoding: "utf8",
  });
  if (probe.error || probe.status !== 0)
    return `${PYTHON} cannot import translate (apt-get install translate-toolkit)`;
  return null;
}
const TT_MISSING = ttMissing();
if (TT_MISSING) console.warn(`real-files: translate-toolkit cross-check skipped: ${TT_MISSING}`);

let ttCache: Record<string, TtUnit[]> | null = null;
function ttUnits(file: string): TtUnit[] {
  if (ttCache === null) {
    const files = [
      ...XLIFF_FILES.filter((f) => f.tt).map((f) => path.join(XLIFF_DIR, f.file)),
      ...TMX_FILES.map((f) => path.join(TMX_DIR, f.file)),
    ];
    const result = spawnSync(PYTHON, ["-c", TT_SCRIPT, ...files], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`translate-toolkit failed:\n${result.stderr}`);
    ttCache = JSON.parse(result.stdout) as Record<string, TtUnit[]>;
  }
  const units = ttCache[file];
  if (!units) throw new Error(`translate-toolkit did not read ${file}`);
  return units;
}

/** Whitespace as translate-toolkit's text (runs collapsed, ends trimmed): compared alike. */
const ws = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/**
 * Text with codes flattened as translate-toolkit does: XLIFF markup that holds no native code
 * (`<g>`, `<x/>`, `<mrk>`, 2.0 `<sc>`…: placeholder type "x-xliff1"/"x-xliff2") disappears and its
 * text stays; a native code (`<bpt>`, `<ph>`, `<it>` content, TMX codes) shows as that code.
 */
function ttFlatten(text: string): string {
  const markupPairs = new Set<string>();
  return splitInlineCodes(text)
    .map((p) => {
      if (p.kind === "text") return p.text;
      if (p.kind !== "code") return "";
      const i = /^<[be]pt [^>]*\bi="([^"]*)"/.exec(p.xml)?.[1];
      const markup = /^<\w+[^>]* type="x-xliff[12]"/.test(p.xml);
      if (markup && i !== undefined) markupPairs.add(i);
      return markup || (p.name === "ept" && i !== undefined && markupPairs.has(i)) ? "" : p.display;
    })
    .join("");
}

// ---------------------------------------------------------------- fixtures by class

interface XliffCase {
  file: string;
  /** The class of issue 11 it exercises (1–6). */
  classes: number[];
  /** The version Selaras must report. */
  version: string;
  /** --target-lang / the app's choice, when the file does not name a usable one. */
  targetLang?: TargetLang;
  /** Without targetLang the reader must ask (this code), never drop the targets silently. */
  asks?: string;
  /** What the target language must become (null: none Selaras has, targets reported). */
  expectTarget: TargetLang | null;
  /** translate-toolkit reads it (XLIFF 1.x; it has no XLIFF 2 reader). */
  tt: boolean;
  /** Native inline markup that must be in what is read and in every file written back. */
  codes?: string[];
}

const XLIFF_FILES: XliffCase[] = [
  // Class 1: no target language (Angular ng extract-i18n, Symfony), 2.0 without trgLang, en → en-US.
  {
    file: "deepin-messages.xlf",
    classes: [1, 3],
    version: "1.2",
    expectTarget: null,
    tt: true,
    codes: ['<x id="INTERPOLATION" equiv-text="{{ count }}"/>'],
  },
  {
    file: "deepin-messages.vi.xlf",
    classes: [1, 3],
    version: "1.2",
    expectTarget: "vi",
    tt: true,
    codes: ['<x equiv-text="{{ count }}" id="INTERPOLATION"/>'],
  },
  { file: "symfony-validators.vi.xlf", classes: [1], version: "1.2", expectTarget: "vi", tt: true },
  {
    file: "symfony-resources.xlf",
    classes: [1],
    version: "1.2",
    asks: "xliff.missing-target-language",
    targetLang: "vi",
    expectTarget: "vi",
    tt: true,
  },
  {
    file: "symfony-resources-multi-files.xlf",
    classes: [1],
    version: "1.2",
    asks: "xliff.missing-target-language",
    targetLang: "vi",
    expectTarget: "vi",
    tt: true,
  },
  {
    file: "tt-pocount-states.xlf",
    classes: [1, 2],
    version: "1.1",
    asks: "xliff.missing-target-language",
    targetLang: "vi",
    expectTarget: "vi",
    tt: true,
  },
  {
    file: "matecat-no-trgLang.xliff",
    classes: [1],
    version: "2.0",
    asks: "xliff.missing-target-language",
    targetLang: "vi",
    expectTarget: "vi",
    tt: false,
  },
  {
    file: "symfony-resources-2.0-multi-segment-unit.xlf",
    classes: [1, 4],
    version: "2.0",
    asks: "xliff.target-same-as-source",
    targetLang: "vi",
    expectTarget: "vi",
    tt: false,
  },
  {
    file: "omegat-ex.9.5.xlf",
    classes: [1, 4],
    version: "2.0",
    asks: "xliff.missing-target-language",
    targetLang: "vi",
    expectTarget: "vi",
    tt: false,
    codes: ['<sc id="1" isolated="yes"/>'],
  },
  // Class 2: XLIFF 1.1 (translate-toolkit odf2xliff, older Okapi), no version, prefixed root.
  {
    file: "tt-odf2xliff-test_2.xlf",
    classes: [2, 3],
    version: "1.1",
    expectTarget: null,
    tt: true,
    codes: ['<g id="0">', "</g>", '<x id="1" xid="office:document-content[0]'],
  },
  {
    file: "tt-odf2xliff-inline.xlf",
    classes: [2, 3],
    version: "1.1",
    expectTarget: null,
    tt: true,
    codes: ['<g id="0">', '<g id="2"/>'],
  },
  {
    file: "okapi-RB-11-Test01.xlf",
    classes: [2, 3],
    version: "1.1",
    expectTarget: null,
    tt: true,
    codes: ["<code>", "<fn>[$SF1$]</fn>"],
  },
  {
    file: "okapi-JMP-11-Test01.xlf",
    classes: [2],
    version: "1.1",
    expectTarget: null,
    tt: true,
  },
  {
    file: "omegat-XLIFFFilter-tags.xlf",
    classes: [2, 3],
    version: "1.1",
    expectTarget: null,
    tt: true,
    codes: ["<b>", "</b>"],
  },
  { file: "okapi-NSTest01.xlf", classes: [2, 4], version: "1.2", expectTarget: null, tt: true },
  // Class 3: inline markup; SDLXLIFF segments from <seg-source><mrk mtype="seg">.
  {
    file: "okapi-RB-12-Test02.xlf",
    classes: [3],
    version: "1.2",
    expectTarget: null,
    tt: true,
    codes: ['<g id="1">', '<x id="1"/>'],
  },
  {
    file: "okapi-SF-12-Test03.xlf",
    classes: [3],
    version: "1.2",
    expectTarget: null,
    tt: true,
    codes: ['<text:span text:style-name="T1">', "<text:tab/>"],
  },
  {
    file: "matecat-notes-nobase64.po.sdlxliff",
    classes: [3],
    version: "1.2",
    expectTarget: null,
    tt: true,
    codes: ['<x id="1"/>'],
  },
  { file: "matecat-piazza.sdlxliff", classes: [3], version: "1.2", expectTarget: null, tt: true },
  { file: "omegat-en-xx.xlf", classes: [1, 4], version: "1.2", expectTarget: null, tt: true },
  // Class 6: three <file>s whose trans-unit ids overlap (valid): written files read back.
  {
    file: "okapi-gold-odttest.odt.xlf",
    classes: [3, 6],
    version: "1.2",
    expectTarget: null,
    tt: true,
    codes: ['<g id="1">'],
  },
  // Class 4: XLIFF 2.0 segments, pc/sc/ec/ph, mrk, groups.
  {
    file: "matecat-sample-20-segmented.xlf",
    classes: [4],
    version: "2.0",
    expectTarget: null,
    tt: false,
    codes: ['<pc id="1">'],
  },
  {
    file: "matecat-pcec.xlf",
    classes: [3, 4],
    version: "2.0",
    expectTarget: null,
    tt: false,
    codes: ["<strong>", '<a href="mailto:info@elysiancollection.com">'],
  },
  {
    file: "omegat-ex.14.5.xlf",
    classes: [3, 4],
    version: "2.0",
    expectTarget: null,
    tt: false,
    codes: ['<mrk id="m1" type="term"'],
  },
  {
    file: "symfony-resources-2.0.xlf",
    classes: [4],
    version: "2.0",
    expectTarget: null,
    tt: false,
  },
  // XLIFF 2.0 <ignorable>s between segments (Okapi's XLIFF 2 filter): see the describe below.
  {
    file: "okapi-xliff2-gold-test01.xliff2.xlf",
    classes: [4],
    version: "2.0",
    expectTarget: null,
    tt: false,
    codes: ["[b [#$tu3]   ]", "[rtl-data   ]"],
  },
  {
    file: "okapi-xliff2-update_target_output.xlf",
    classes: [3, 4],
    version: "2.0",
    expectTarget: null,
    tt: false,
    codes: ['<img src="icon.svg"/>', '<span class="emphasis">'],
  },
  {
    file: "okapi-xliff2-empty_placeholder_output.xlf",
    classes: [4],
    version: "2.0",
    expectTarget: null,
    tt: false,
  },
];

interface TmxCase {
  file: string;
  classes: number[];
  /** Units read, and units skipped (no text in a language Selaras can take as source). */
  units: number;
  skipped: number;
}

const TMX_FILES: TmxCase[] = [
  // Class 5: translate-toolkit po2tmx writes srclang="en" whatever the sources are (here en-US).
  { file: "tt-po2tmx-validators.vi.tmx", classes: [5], units: 8, skipped: 0 },
  // Header srclang es-es held by one unit only; tu-level srclang en-us on the others.
  { file: "omegat-compkit-ImportTest1J_many.tmx", classes: [5], units: 2, skipped: 1 },
  { file: "omegat-compkit-ImportTest1C.tmx", classes: [5], units: 3, skipped: 0 },
  { file: "omegat-compkit-ImportTest2A.tmx", classes: [3, 5], units: 7, skipped: 0 },
  { file: "omegat-test-missingSource.tmx", classes: [5], units: 3, skipped: 1 },
  { file: "omegat-en-US_en-GB_fr_sr.tmx", classes: [5], units: 1, skipped: 0 },
  // The same source twice (OmegaT's alternative translation, with context props).
  { file: "omegat-test-multiple-entries.tmx", classes: [5], units: 4, skipped: 0 },
  // Class 11: segtype="paragraph", en-us/de-de (Okapi's TMX filter tests).
  { file: "okapi-Paragraph_TM.tmx", classes: [3, 11], units: 7, skipped: 0 },
  // Class 11: a header with every attribute, notes, a prop and a <ude>; tu-level srclang.
  { file: "okapi-ImportTest2C.tmx", classes: [3, 11], units: 1, skipped: 0 },
  // Okapi's TmxFilterTest snippets: a repeated tuid (valid TMX); two fr tuvs, de, it.
  { file: "okapi-TmxFilterTest-simpleSnippet.tmx", classes: [6], units: 2, skipped: 0 },
  { file: "okapi-TmxFilterTest-multiTransSnippet.tmx", classes: [5], units: 1, skipped: 0 },
  // Heartsome TM Server's export: header srclang="*all*", UTF-16 (LE and BE, BOM), <tmx> without
  // version, en-US and zh tuvs (zh has no column: kept as it came).
  { file: "heartsome-UTF-16LE.tmx", classes: [5], units: 2, skipped: 0 },
  { file: "heartsome-utf-16be.tmx", classes: [5], units: 2, skipped: 0 },
];

// ---------------------------------------------------------------- helpers

function decode(dir: string, file: string): string {
  return decodeXmlBytes(readFileSync(path.join(dir, file)), file, "xliff").text;
}

/** Every segment as [source, target text or null], in order: what must survive a round trip. */
function texts(bundle: Bundle, lang: TargetLang | null) {
  return bundle.documents.flatMap((d) =>
    d.segments.map((s) => [
      normalizeForXml(s.source),
      lang && s.targets[lang] ? normalizeForXml(s.targets[lang].text) : null,
    ]),
  );
}

/** The same with each code shown as its native markup: what a round trip through another format keeps. */
function shown(bundle: Bundle, lang: TargetLang | null) {
  return texts(bundle, lang).map(([src, t]) => [
    flattenInlineCodes(src!),
    t === null ? null : flattenInlineCodes(t!),
  ]);
}

/** The native markup of every inline code read (what the placeholders hold), one per line. */
function allCodes(bundle: Bundle): string {
  return bundle.documents
    .flatMap((d) =>
      d.segments.flatMap((s) => [s.source, ...Object.values(s.targets).map((t) => t.text)]),
    )
    .flatMap((t) => splitInlineCodes(t).flatMap((p) => (p.kind === "code" ? [p.display] : [])))
    .join("\n");
}

/**
 * Each segment's unit id, segment id, and how many segments its unit has. A 2.0 `<segment>`
 * without an id counts from 1, as the 1.2 writer numbers its `<mrk mid>` (Okapi writes some so).
 */
function layout(read: XliffReadResult) {
  return [...read.structure.values()].flatMap((m) =>
    [...m.values()].map((sh) => [
      sh.unit,
      sh.count > 1 ? (sh.segment ?? String(sh.index + 1)) : null,
      sh.count,
    ]),
  );
}

function valid(text: string, xsd: string) {
  return withTempFiles([{ name: "out.xlf", content: text }], (paths) => checkXmlSchema(paths, xsd));
}

function errorCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

/** Selaras segments grouped as the file's units (a 2.0 unit or SDLXLIFF trans-unit with several). */
function unitTexts(read: XliffReadResult) {
  const out: { source: string; target: string | null }[] = [];
  for (const doc of read.bundle.documents) {
    const shapes = read.structure.get(doc.id);
    let last: string | null = null;
    for (const seg of doc.segments) {
      const shape = shapes?.get(seg.id);
      const t = read.targetLang ? (seg.targets[read.targetLang]?.text ?? null) : null;
      if (shape && shape.index > 0 && last === shape.unit && out.length > 0) {
        const prev = out[out.length - 1]!;
        prev.source += ` ${seg.source}`;
        prev.target = prev.target === null && t === null ? null : `${prev.target ?? ""} ${t ?? ""}`;
      } else out.push({ source: seg.source, target: t });
      last = shape?.unit ?? null;
    }
  }
  return out;
}

// ---------------------------------------------------------------- XLIFF

describe("real XLIFF files (issue 11 classes 1-4)", () => {
  for (const c of XLIFF_FILES) {
    describe(`${c.file} (class ${c.classes.join(", ")})`, () => {
      const text = decode(XLIFF_DIR, c.file);
      const fileName = c.file;
      const options = c.targetLang ? { fileName, targetLang: c.targetLang } : { fileName };

      it("is taken as XLIFF by its own name (.xlf, .xliff, .sdlxliff)", () => {
        expect(memoryFormatOf(c.file)).toBe("xliff");
        const bytes = readFileSync(path.join(XLIFF_DIR, c.file));
        if (c.asks) expect(errorCode(() => readMemoryFile(bytes, c.file))).toBe(c.asks);
        else expect(readMemoryFile(bytes, c.file).report.format).toBe("xliff");
      });

      it("is read: version, target language, never targets dropped without a word", () => {
        if (c.asks) expect(errorCode(() => readXliff(text, { fileName }))).toBe(c.asks);
        const read = readXliff(text, options);
        expect(read.version).toBe(c.version);
        expect(read.targetLang).toBe(c.expectTarget);
        const segments = read.bundle.documents.flatMap((d) => d.segments);
        expect(segments.length).toBeGreaterThan(0);
        if (read.targetLang === null) {
          // Targets in a language without a column are counted, for the import to say so.
          const withTargets = /<target\b[^>]*>(?:\s*<[^/!][^>]*>)*\s*[^<\s]/.test(text);
          if (withTargets && read.targetTag !== null)
            expect(read.droppedTargets).toBeGreaterThan(0);
        } else {
          const kept = segments.filter((s) => s.targets[read.targetLang!]).length;
          expect(kept + read.droppedTargets).toBeGreaterThan(0);
        }
        for (const code of c.codes ?? []) expect(allCodes(read.bundle)).toContain(code);
      });

      it("round-trips through XLIFF 1.2, XLIFF 2.0, TMX and JSON (written files valid)", () => {
        const read = readXliff(text, options);
        const lang: TargetLang = read.targetLang ?? "vi";
        const same = read.targetLang;
        const structure = read.structure;
        const v1 = c.version.startsWith("1");
        const codes = (b: Bundle) => {
          for (const code of c.codes ?? []) expect(allCodes(b)).toContain(code);
        };

        // Same version: exactly as read (codes as they came); other version: codes by their markup.
        const x12 = writeXliff12(read.bundle, { targetLang: lang, structure });
        expect(valid(x12, "xliff-core-1.2-strict.xsd")).toEqual({ ok: true, detail: "" });
        const back12 = readXliff(x12, { fileName: "back.xlf" });
        if (v1) expect(texts(back12.bundle, same)).toEqual(texts(read.bundle, same));
        else expect(shown(back12.bundle, same)).toEqual(shown(read.bundle, same));
        codes(back12.bundle);
        // Units kept with their ids (a 1.2 id is any string, also odf2xliff's XPath-like ones),
        // a unit of several segments (SDLXLIFF seg-source, 2.0) still one with its segments.
        expect(layout(back12)).toEqual(layout(read));

        const x2 = writeXliff2(read.bundle, { targetLang: lang, structure });
        expect(valid(x2, "xliff_core_2.0.xsd")).toEqual({ ok: true, detail: "" });
        const back2 = readXliff(x2, { fileName: "back.xlf" });
        if (v1) expect(shown(back2.bundle, same)).toEqual(shown(read.bundle, same));
        else expect(texts(back2.bundle, same)).toEqual(texts(read.bundle, same));
        codes(back2.bundle);
        // 2.0 unit ids are NMTOKENs (others renumbered): the segments per unit are kept.
        const noIds = (r: XliffReadResult) => layout(r).map(([, seg, count]) => [seg, count]);
        expect(noIds(back2)).toEqual(noIds(read));

        const tmx = writeTmx(read.bundle, {
          creationTool: "Selaras",
          creationToolVersion: "test",
          creationDate: WHEN,
          includeUntranslated: true,
        });
        expect(checkTmxTexts([tmx])).toEqual({ ok: true, detail: "" });
        const backTmx = readTmxWithReport(tmx, { fileName: "back.tmx" });
        expect(texts(backTmx.bundle, same)).toEqual(texts(read.bundle, same));
        codes(backTmx.bundle);

        const json = writeJson(read.bundle, { exportedAt: WHEN, toolVersion: "test" });
        expect(readJson(json, { fileName: "back.json" })).toEqual(read.bundle);
      });

      it.skipIf(!c.tt || TT_MISSING !== null)(
        "reads what translate-toolkit reads (units, source and target texts)",
        () => {
          const tt = ttUnits(path.join(XLIFF_DIR, c.file));
          const read = readXliff(text, options);
          const ours = unitTexts(read);
          expect(ours.length).toBe(tt.length);
          expect(ours.map((u) => ws(ttFlatten(u.source)))).toEqual(tt.map((u) => ws(u.source)));
          if (read.targetLang !== null) {
            expect(ours.map((u) => ws(u.target === null ? "" : ttFlatten(u.target)))).toEqual(
              tt.map((u) => ws(u.target)),
            );
          }
          // And translate-toolkit reads the XLIFF 1.2 Selaras writes back as it read the original.
          const x12 = writeXliff12(read.bundle, {
            targetLang: read.targetLang ?? "vi",
            structure: read.structure,
          });
          const again = withTempFiles([{ name: "back.xlf", content: x12 }], ([file]) => {
            const result = spawnSync(PYTHON, ["-c", TT_SCRIPT, file!], { encoding: "utf8" });
            if (result.status !== 0) throw new Error(result.stderr);
            return Object.values(JSON.parse(result.stdout) as Record<string, TtUnit[]>)[0]!;
          });
          expect(again.map((u) => ws(u.source))).toEqual(tt.map((u) => ws(u.source)));
        },
      );
    });
  }
});

// ---------------------------------------------------------------- TMX

describe("real TMX files (issue 11 classes 3, 5)", () => {
  for (const c of TMX_FILES) {
    describe(`${c.file} (class ${c.classes.join(", ")})`, () => {
      const bytes = readFileSync(path.join(TMX_DIR, c.file));

      it("is read with its source picked from what the units hold, skipped units counted", () => {
        const read = readMemoryFile(bytes, c.file);
        const segments = read.bundle.documents.flatMap((d) => d.segments);
        expect([segments.length, read.report.skippedUnits]).toEqual([c.units, c.skipped]);
        expect(read.report.units).toBe(c.units + c.skipped);
      });

      it("round-trips through TMX and JSON (written TMX valid), variants kept", () => {
        const read = readMemoryFile(bytes, c.file);
        const tmx = writeTmx(read.bundle, {
          creationTool: "Selaras",
          creationToolVersion: "test",
          creationDate: WHEN,
          includeUntranslated: true,
          ...(read.extras ? { extras: read.extras } : {}),
        });
        expect(checkTmxTexts([tmx])).toEqual({ ok: true, detail: "" });
        const back = readTmxWithReport(tmx, { fileName: "back.tmx" });
        for (const lang of ["vi", "en"] as const)
          expect(texts(back.bundle, lang)).toEqual(texts(read.bundle, lang));
        const json = writeJson(read.bundle, { exportedAt: WHEN, toolVersion: "test" });
        expect(readJson(json, { fileName: "back.json" })).toEqual(read.bundle);
      });

      it.skipIf(TT_MISSING !== null)("reads what translate-toolkit reads", () => {
        const tt = ttUnits(path.join(TMX_DIR, c.file));
        const read = readMemoryFile(bytes, c.file);
        expect(read.report.units).toBe(tt.length);
        const doc = read.bundle.documents[0]!;
        const src = doc.sourceLang;
        // The units translate-toolkit holds with a text in our source language, in order.
        const mapsTo = (tag: string, lang: string) => tag.toLowerCase().split(/[-_]/)[0] === lang;
        const usable = tt.filter((u) =>
          Object.entries(u.texts ?? {}).some(([t]) => mapsTo(t, src)),
        );
        const ours = read.bundle.documents.flatMap((d) => d.segments);
        expect(usable.length).toBeGreaterThanOrEqual(ours.length);
        const ttSources = new Set(
          usable.flatMap((u) =>
            Object.entries(u.texts ?? {})
              .filter(([t]) => mapsTo(t, src))
              .map(([, s]) => ws(s)),
          ),
        );
        for (const seg of ours) expect(ttSources).toContain(ws(ttFlatten(seg.source)));
        for (const lang of ["vi", "en"] as const) {
          if (lang === src) continue;
          const ttTargets = new Set(
            tt.flatMap((u) =>
              Object.entries(u.texts ?? {})
                .filter(([t]) => mapsTo(t, lang))
                .map(([, s]) => ws(s)),
            ),
          );
          for (const seg of ours) {
            const t = seg.targets[lang];
            if (t) expect(ttTargets).toContain(ws(ttFlatten(t.text)));
          }
        }
      });
    });
  }
});

// ---------------------------------------------------------------- TMX header and tags (class 11)

/** The attributes of the first `<name …>` of a TMX text, and every `<tuv>`'s language tag. */
function attrsOf(xml: string, name: string): Record<string, string> {
  const m = new RegExp(`<${name}\\b([^>]*)>`).exec(xml);
  return Object.fromEntries(
    [...(m?.[1] ?? "").matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1]!, a[2]!]),
  );
}
const tuvTags = (xml: string) =>
  [...xml.matchAll(/<tuv\b[^>]*?\s(?:xml:)?lang="([^"]*)"/g)].map((m) => m[1]!).sort();

describe("real TMX files: header and tags kept through TMX → TMX (issue 11 class 11)", () => {
  for (const c of TMX_FILES) {
    it(`${c.file}: header, <ude>, tu srclang and region subtags as they came`, () => {
      const bytes = readFileSync(path.join(TMX_DIR, c.file));
      const original = decodeXmlBytes(bytes, c.file, "tmx").text;
      const read = readMemoryFile(bytes, c.file);
      const tmx = writeTmx(read.bundle, {
        creationTool: "Selaras",
        creationToolVersion: "test",
        creationDate: WHEN,
        includeUntranslated: true,
        ...(read.extras ? { extras: read.extras } : {}),
      });
      expect(checkTmxTexts([tmx])).toEqual({ ok: true, detail: "" });
      const before = attrsOf(original, "header");
      const after = attrsOf(tmx, "header");
      // The new file's tool and date are Selaras'; srclang is the units' source tag.
      for (const own of ["creationtool", "creationtoolversion", "creationdate", "srclang"]) {
        delete before[own];
        delete after[own];
      }
      // segtype is an enumeration in the DTD: a value outside it (Okapi's TmxFilterTest writes
      // "undefined_segtype") is written as "sentence", so that the file stays valid.
      const SEGTYPES = ["block", "paragraph", "sentence", "phrase"];
      if (before["segtype"] !== undefined && !SEGTYPES.includes(before["segtype"]))
        before["segtype"] = "sentence";
      expect(after).toEqual(before);
      // Every tuv of a unit that was read keeps its tag (en-US stays en-US, not en).
      const skippedTags = c.skipped > 0 ? null : tuvTags(original);
      if (skippedTags) expect(tuvTags(tmx)).toEqual(skippedTags);
      const header = attrsOf(tmx, "header");
      const sources = new Set(
        [...tmx.matchAll(/<tu\b[^>]*>[\s\S]*?<tuv\b[^>]*?xml:lang="([^"]*)"/g)].map((m) => m[1]!),
      );
      if (header["srclang"] !== "*all*") expect([...sources]).toEqual([header["srclang"]]);
      expect((tmx.match(/<ude\b/g) ?? []).length).toBe((original.match(/<ude\b/g) ?? []).length);
      const tuSrclang = (xml: string) => (xml.match(/<tu\b[^>]*\ssrclang=/g) ?? []).length;
      if (attrsOf(original, "header")["srclang"] !== "*all*" && header["srclang"] !== "*all*")
        expect(tuSrclang(tmx)).toBeGreaterThanOrEqual(tuSrclang(original) - c.skipped);
    });
  }

  it("okapi-Paragraph_TM.tmx keeps segtype=paragraph (OmegaT reads units as paragraphs)", () => {
    const bytes = readFileSync(path.join(TMX_DIR, "okapi-Paragraph_TM.tmx"));
    const read = readMemoryFile(bytes, "okapi-Paragraph_TM.tmx");
    const tmx = writeTmx(read.bundle, {
      creationTool: "Selaras",
      creationToolVersion: "test",
      creationDate: WHEN,
      ...(read.extras ? { extras: read.extras } : {}),
    });
    expect(tmx).toContain(' segtype="paragraph"');
    expect(tmx).toContain(' srclang="en-us"');
    expect(tmx).toContain('<tuv xml:lang="de-de">');
    // Without what came (a document typed in Selaras), Selaras' own header.
    const plain = writeTmx(read.bundle, {
      creationTool: "Selaras",
      creationToolVersion: "test",
      creationDate: WHEN,
    });
    expect(plain).toContain(' segtype="sentence" o-tmf="Selaras JSON" adminlang="en" srclang="en"');
  });
});

// ---------------------------------------------------------------- XLIFF 2.0 <ignorable>

interface IgnorableCase {
  file: string;
  /** Every <ignorable> in order: its unit, the source of the segment after it, its texts. */
  ignorables: { unit: string; next: string; source: string; target: string | null }[];
  /** Extra markup that must be in the ignorable as written back (2.0). */
  markup?: string[];
  /** The joined <source> of the XLIFF 1.2 trans-units: the ignorables' text between segments. */
  sources12: string[];
}

// Read off the files themselves (translate-toolkit has no XLIFF 2 reader).
const IGNORABLE_FILES: IgnorableCase[] = [
  {
    file: "okapi-xliff2-gold-test01.xliff2.xlf",
    ignorables: [{ unit: "tu1", next: "Segment's content.", source: " ", target: "" }],
    sources12: ["<source>Sample segment. Segment's content.</source>"],
  },
  {
    file: "okapi-xliff2-update_target_output.xlf",
    ignorables: [
      { unit: "2", next: "I wish the ", source: ": ", target: ": " },
      { unit: "2", next: "I wish ", source: " ", target: " " },
      { unit: "3", next: "So do all who live", source: ": ", target: ": " },
      { unit: "3", next: "All we have to decide", source: " ", target: " " },
    ],
    sources12: [
      "<source>Frodo: I wish the ",
      "had never come to me. I wish ",
      "<source>Gandalf: So do all who live",
      "not for them to decide. All we have to decide is ",
    ],
  },
  {
    file: "okapi-xliff2-empty_placeholder_output.xlf",
    ignorables: [{ unit: "1", next: "The cat looks terrific!", source: " . ", target: null }],
    markup: ['<ignorable id="i1">', '<source> <ph id="1"/>. </source>'],
    // The <ph/> in the ignorable is a 1.2 code, as a 2.0 <ph/> in a segment is (native: its markup).
    sources12: [
      '<source>This picture is nice: <ph id="2">&lt;ph id="1"/&gt;</ph>. The cat looks terrific!</source>',
      '<seg-source><mrk mtype="seg" mid="s1">This picture is nice:</mrk> <ph id="2">&lt;ph id="1"/&gt;</ph>. <mrk mtype="seg" mid="s2">',
    ],
  },
];

/** The text of an ignorable's `<source>`/`<target>` as serialized (markup dropped); null: none. */
function partText(markup: string, name: "source" | "target"): string | null {
  const m = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(markup);
  if (!m) return null;
  return (m[1] ?? "")
    .replace(/<[^>]*>/g, "")
    .replace(/&#10;/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Every ignorable read, in order: unit, source of the segment after it, its source/target text. */
function ignorablesOf(read: XliffReadResult) {
  const segments = new Map(
    read.bundle.documents.flatMap((d) => d.segments.map((s) => [s.id, s] as const)),
  );
  return [...read.structure.values()].flatMap((m) =>
    [...m.entries()].flatMap(([id, shape]) =>
      [...(shape.before ?? []), ...(shape.after ?? [])].map((markup) => ({
        unit: shape.unit,
        next: segments.get(id)!.source,
        source: partText(markup, "source"),
        target: partText(markup, "target"),
        markup,
      })),
    ),
  );
}

describe("real XLIFF 2.0 files with <ignorable> (issue 11 class 4)", () => {
  for (const c of IGNORABLE_FILES) {
    describe(c.file, () => {
      const text = decode(XLIFF_DIR, c.file);
      const read = readXliff(text, { fileName: c.file });
      const expected = (found: ReturnType<typeof ignorablesOf>) =>
        found.map(({ unit, next, source, target }) => ({
          unit,
          next: c.ignorables.find((i) => next.startsWith(i.next))?.next ?? next,
          source,
          target,
        }));

      it("is read: each ignorable kept with the unit and before the segment it came before", () => {
        expect(expected(ignorablesOf(read))).toEqual(c.ignorables);
        // Its text is in no segment.
        for (const seg of read.bundle.documents.flatMap((d) => d.segments))
          for (const i of c.ignorables)
            if (i.source.trim() !== "") expect(seg.source).not.toContain(i.source);
      });

      it("is written back in XLIFF 2.0 as it came, where it came (valid, read back the same)", () => {
        // The files' targets are French or German (no column: not read); their ignorables'
        // targets are not passed off as Vietnamese either: the ignorables come back without.
        expect(read.targetLang).toBeNull();
        const noTarget = (markup: string) =>
          markup.replace(/(?:\s|&#\d+;)*<target\b[^>]*?(?:\/>|>[\s\S]*?<\/target>)/, "");
        const x2 = writeXliff2(read.bundle, { targetLang: "vi", structure: read.structure });
        expect(valid(x2, "xliff_core_2.0.xsd")).toEqual({ ok: true, detail: "" });
        expect(x2).not.toContain("<target");
        for (const i of ignorablesOf(read)) expect(x2).toContain(noTarget(i.markup));
        for (const m of c.markup ?? []) expect(x2).toContain(m);
        const back = readXliff(x2, { fileName: "back.xlf" });
        expect(expected(ignorablesOf(back))).toEqual(
          c.ignorables.map((i) => ({ ...i, target: null })),
        );
        expect(ignorablesOf(back).map((i) => i.markup)).toEqual(
          ignorablesOf(read).map((i) => noTarget(i.markup)),
        );
      });

      it("its source text stays between the segments in XLIFF 1.2", () => {
        const x12 = writeXliff12(read.bundle, { targetLang: "vi", structure: read.structure });
        expect(valid(x12, "xliff-core-1.2-strict.xsd")).toEqual({ ok: true, detail: "" });
        for (const s of c.sources12) expect(x12).toContain(s);
      });
    });
  }
});

// ---------------------------------------------------------------- TMX header srclang="*all*"

const ALL_FILES = ["heartsome-UTF-16LE.tmx", "heartsome-utf-16be.tmx"];

describe('real TMX files with header srclang="*all*" (Heartsome TM Server, issue 11 class 5)', () => {
  for (const file of ALL_FILES) {
    const bytes = readFileSync(path.join(TMX_DIR, file));
    const original = decodeXmlBytes(bytes, file, "tmx").text;
    const write = (read: ReturnType<typeof readMemoryFile>) =>
      writeTmx(read.bundle, {
        creationTool: "Selaras",
        creationToolVersion: "test",
        creationDate: WHEN,
        includeUntranslated: true,
        ...(read.extras ? { extras: read.extras } : {}),
      });

    it(`${file}: every unit read, its source the first tuv (en-US), *all* written back`, () => {
      expect(attrsOf(original, "header")["srclang"]).toBe("*all*");
      const read = readMemoryFile(bytes, file);
      const segments = read.bundle.documents.flatMap((d) => d.segments);
      expect(read.bundle.documents.map((d) => d.sourceLang)).toEqual(["en"]);
      expect(segments.map((s) => [s.id, flattenInlineCodes(s.source)])).toEqual([
        [
          "138492985175774072",
          '&lt;toggledisplay status="show" showtext="[Show Source]" hidetext="[Hide Source]"&gt;',
        ],
        ["138492985176146007", '&lt;syntaxhighlight lang="java"&gt;'],
      ]);
      // zh has no column: no target, the tuv kept for the file written back.
      expect(segments.every((s) => Object.keys(s.targets).length === 0)).toBe(true);
      const tmx = write(read);
      expect(checkTmxTexts([tmx])).toEqual({ ok: true, detail: "" });
      expect(attrsOf(tmx, "header")["srclang"]).toBe("*all*");
      expect(tuvTags(tmx)).toEqual(["en-US", "en-US", "zh", "zh"]);
      // Every unit's first tuv is the source read (any tuv may be the source under *all*).
      const firsts = [...tmx.matchAll(/<tu\b[^>]*>[\s\S]*?<tuv\b[^>]*?xml:lang="([^"]*)"/g)];
      expect(firsts.map((m) => m[1])).toEqual(["en-US", "en-US"]);
      const back = readTmxWithReport(tmx, { fileName: "back.tmx" });
      expect(back.bundle.documents.flatMap((d) => d.segments.map((s) => s.source))).toEqual(
        segments.map((s) => s.source),
      );
    });

    it.skipIf(TT_MISSING !== null)(
      `${file}: texts per language as translate-toolkit reads them, in the file and as written`,
      () => {
        const tt = ttUnits(path.join(TMX_DIR, file));
        const read = readMemoryFile(bytes, file);
        const segments = read.bundle.documents.flatMap((d) => d.segments);
        expect(tt.map((u) => Object.keys(u.texts ?? {}))).toEqual([
          ["en-US", "zh"],
          ["en-US", "zh"],
        ]);
        expect(segments.map((s) => ws(ttFlatten(s.source)))).toEqual(
          tt.map((u) => ws(u.texts!["en-US"])),
        );
        const again = withTempFiles([{ name: "back.tmx", content: write(read) }], ([p]) => {
          const result = spawnSync(PYTHON, ["-c", TT_SCRIPT, p!], { encoding: "utf8" });
          if (result.status !== 0) throw new Error(result.stderr);
          return Object.values(JSON.parse(result.stdout) as Record<string, TtUnit[]>)[0]!;
        });
        const perLang = (units: TtUnit[]) =>
          units.map((u) =>
            Object.fromEntries(Object.entries(u.texts ?? {}).map(([l, t]) => [l, ws(t)])),
          );
        expect(perLang(again)).toEqual(perLang(tt));
        expect(again.map((u) => u.id)).toEqual(tt.map((u) => u.id));
      },
    );
  }
});
