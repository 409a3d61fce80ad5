import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTbx, readTbxBytes } from "../../../src/core/format/tbx/read-tbx.ts";
import { writeTbx } from "../../../src/core/format/tbx/write-tbx.ts";
import { cleanText, termsByLang } from "../../../src/core/glossary/model.ts";
import { AppError } from "../../../src/core/model/app-error.ts";

const DIR = path.resolve(import.meta.dirname, "../../fixtures/tbx");
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".tbx"));
const bytes = (f: string) => new Uint8Array(readFileSync(path.join(DIR, f)));
const read = (f: string) => readTbxBytes(bytes(f), f);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "no error";
}

describe("readTbx on real files (test/fixtures/tbx/SOURCES.md)", () => {
  it.each(FILES)("%s: every non-empty <term> is read, in its language", (f) => {
    const text = new TextDecoder(f.includes("win1254") ? "windows-1254" : "utf-8").decode(bytes(f));
    // Independent count: the <term> elements of the file and how many are empty.
    const termTexts = [...text.matchAll(/<term(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/term>)/g)].map((m) =>
      cleanText((m[1] ?? "").replace(/<[^>]+>/g, "")),
    );
    const { glossary, report } = read(f);
    const ours = glossary.concepts.flatMap((c) => c.terms);
    expect(ours.length).toBe(termTexts.filter((t) => t !== "").length);
    expect(report.emptyTerms).toBe(termTexts.filter((t) => t === "").length);
    expect(report.terms).toBe(ours.length);
    expect(ours.every((t) => t.text !== "" && t.lang !== "")).toBe(true);
    const ids = glossary.concepts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("TBX 2 tig (Oracle): status, part of speech, subject, definition", () => {
    const { glossary, report } = read("okapi-oracle_TBX.tbx");
    expect(report.version).toBe("2");
    const c = glossary.concepts[0]!;
    expect(c.subject).toBe("HR");
    expect(c.definition).toMatch(/^GREs and PREs represent an employer/);
    expect(c.terms.find((t) => t.lang === "pt")).toMatchObject({
      text: "Entidade de Supervisão de Província",
      status: "preferred",
    });
  });

  it("TBX 2 ntig (Maryland, IBM): termGrp terms, synonyms kept in order", () => {
    const m = read("okapi-maryland.tbx").glossary.concepts[0]!;
    expect(m.id).toBe("eid-VocCod-211.01");
    expect(m.terms.filter((t) => t.lang === "fr").map((t) => t.text)).toEqual([
      "copiste",
      "scribe",
      "écrivain",
    ]);
    const ibm = read("okapi-ibm_tbx.tbx").glossary.concepts[0]!;
    expect(ibm.terms[0]).toMatchObject({
      lang: "en",
      text: "navigation trail",
      partOfSpeech: "noun",
    });
  });

  it("TBX v3 DCA and DCT styles of the same LTAC sample give the same terms", () => {
    const dca = read("ltac-astronomy-dca.tbx");
    const dct = read("ltac-astronomy-dct.tbx");
    expect(dca.report.version).toBe("3");
    expect(dca.report.dialect).toBe("TBX-Basic");
    // The two samples differ in a few notes (the DCT one has fewer), not in terms or subjects.
    const terms = (g: typeof dca.glossary) =>
      g.concepts.map((c) => ({
        id: c.id,
        subject: c.subject,
        terms: c.terms.map(({ note: _, ...t }) => t),
      }));
    expect(terms(dct.glossary)).toEqual(terms(dca.glossary));
    const c1 = dca.glossary.concepts[0]!;
    expect(c1.subject).toBe("General");
    expect(c1.terms[0]).toMatchObject({
      text: "open cluster",
      status: "preferred",
      partOfSpeech: "noun",
    });
    expect(c1.terms[1]).toMatchObject({ text: "galactic cluster", status: "forbidden" });
    const statuses = dca.glossary.concepts.flatMap((c) => c.terms).map((t) => t.status);
    // The file has 12 preferred, 16 admitted, 3 deprecated + 1 superseded terms.
    expect(statuses.filter((s) => s === "preferred").length).toBe(12);
    expect(statuses.filter((s) => s === "admitted").length).toBe(16);
    expect(statuses.filter((s) => s === "forbidden").length).toBe(4);
  });

  it("windows-1254 declared encoding and the namespaced TBX 2 of Weblate", () => {
    expect(read("okapi-test02_win1254.tbx").glossary.concepts[0]!.terms[1]!.text).toBe(
      "tr term with: éá and İı",
    );
    const w = read("weblate-fr-extended-metadata.tbx").glossary.concepts;
    expect(w[0]!.terms.map((t) => t.status)).toEqual(["forbidden", "forbidden"]);
    expect(w[1]!.terms[0]!.note).toBe("Do not translate error codes.");
  });

  it("what writeTbx writes of a real file reads back identical", () => {
    for (const f of FILES) {
      const { glossary } = read(f);
      const written = writeTbx(glossary);
      const back = readTbx(written, { fileName: "out.tbx" }).glossary;
      // One langSec per language: a language's terms come together (Medtronic repeats "da").
      const grouped = glossary.concepts.map((c) => ({
        ...c,
        terms: [...termsByLang(c).values()].flat(),
      }));
      expect(back.concepts).toEqual(grouped);
      expect(writeTbx(back)).toBe(written);
    }
  });
});

describe("readTbx refuses bad files with typed errors, all or nothing", () => {
  const tbx3 = (body: string) =>
    `<?xml version="1.0"?><tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>${body}</body></text></tbx>`;
  const entry =
    '<conceptEntry id="a"><langSec xml:lang="id"><termSec><term>rumah</term></termSec></langSec></conceptEntry>';
  it.each([
    ["tbx.wrong-root", '<?xml version="1.0"?><tmx version="1.4"><body/></tmx>'],
    ["tbx.missing-body", "<tbx><tbxHeader/></tbx>"],
    [
      "tbx.external-entity",
      '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx><text><body>&x;</body></text></tbx>',
    ],
    [
      "tbx.entity-declaration",
      '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><tbx><text><body>&b;</body></text></tbx>',
    ],
    ["tbx.undefined-entity", tbx3("&nbsp;")],
    ["tbx.truncated", tbx3(entry).slice(0, -20)],
    ["tbx.not-well-formed", tbx3("<conceptEntry id='a'><langSec></conceptEntry>")],
    [
      "tbx.missing-lang",
      tbx3(
        '<conceptEntry id="a"><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>',
      ),
    ],
    ["tbx.duplicate-id", tbx3(entry + entry)],
    ["tbx.empty", "  \n"],
  ])("%s", (code, text) => {
    expect(codeOf(() => readTbx(text, { fileName: "bad.tbx" }))).toBe(code);
  });

  it("binary bytes and bad encodings", () => {
    expect(codeOf(() => readTbxBytes(new Uint8Array([0x3c, 0x74, 0, 0x62, 0x78]), "b.tbx"))).toBe(
      "tbx.binary",
    );
    const bad = new TextEncoder().encode(`<?xml version="1.0" encoding="utf-8"?><tbx><text><body>`);
    expect(codeOf(() => readTbxBytes(new Uint8Array([...bad, 0xff, 0xfe]), "e.tbx"))).toBe(
      "tbx.encoding",
    );
  });
});

const PY = `
import json, sys
from translate.storage import tbx
st = tbx.tbxfile.parsefile(sys.argv[1])
print(json.dumps([[u.source or "", u.target or ""] for u in st.units]))
`;
const probe = spawnSync("/usr/bin/python3", ["-c", "from translate.storage import tbx"], {
  encoding: "utf8",
});
const hasTranslate = probe.status === 0;
if (!hasTranslate)
  console.log(
    `skipping the translate-toolkit comparison: /usr/bin/python3 cannot import translate.storage.tbx (${probe.error?.message ?? probe.stderr.trim()})`,
  );

describe.skipIf(!hasTranslate)("the same terms as translate-toolkit reads", () => {
  // translate-toolkit reads TBX 2 (martif) only; its unit = an entry, source/target = the first
  // term of its first and second language sections.
  it.each(FILES.filter((f) => !f.startsWith("ltac-")))("%s", (f) => {
    const out = spawnSync("/usr/bin/python3", ["-c", PY, path.join(DIR, f)], { encoding: "utf8" });
    expect(out.status, out.stderr).toBe(0);
    const units = (JSON.parse(out.stdout) as [string, string][]).map(([s, t]) => [
      cleanText(s),
      cleanText(t),
    ]);
    const withText = units.filter(([s, t]) => s !== "" || t !== "");
    const { glossary } = read(f);
    expect(glossary.concepts.length).toBe(withText.length);
    withText.forEach(([source, target], k) => {
      const texts = glossary.concepts[k]!.terms.map((t) => t.text);
      if (source !== "") expect(texts).toContain(source);
      if (target !== "") expect(texts).toContain(target);
    });
  });
});
