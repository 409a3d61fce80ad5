import { describe, expect, it } from "vitest";
import type { BundleDocument } from "../../../src/core/model/bundle.ts";
import { runQa } from "../../../src/core/qa/run-qa.ts";
import { FindingsDiffer, QaEngine, type QaUnit } from "../../../src/ui/qa/qa-engine.ts";
import { nextFindingCell } from "../../../src/ui/qa/qa-store.ts";

const ROWS: [string, string, string][] = [
  [
    "Lebih dari 2.500 delegasi hadir.",
    "Hơn 2.500 đại biểu tham dự.",
    "More than 2,600 delegates came.",
  ],
  ["Acara berlangsung dua hari.", "Sự kiện kéo dài hai ngày.", "The event lasts two days."],
  ["Acara berlangsung dua hari.", "Sự kiện diễn ra trong hai ngày.", "The event lasts two days."],
  ["Info: https://contoh.id/a.html", "Thông tin: https://contoh.id/b.html", ""],
  [
    "Presiden membuka acara pada pukul 10.30 WIB.",
    "Chủ tịch khai mạc lúc 10:30.",
    "The the president opened it at 10:30.",
  ],
  [
    "Ekonomi tumbuh 5,1 persen tahun ini, kata menteri keuangan di Jakarta.",
    "Kinh tế tăng trưởng 5,1%.",
    "The economy grew 5.1 percent this year, the finance minister said in Jakarta.",
  ],
];

const units: QaUnit[] = ROWS.map(([id, vi, en], i) => ({
  id: `s${i}`,
  source: id,
  targets: {
    vi: { text: vi, status: "translated" },
    ...(en ? { en: { text: en, status: "draft" as const } } : {}),
  },
}));

function asDocument(us: readonly QaUnit[]): BundleDocument {
  return {
    id: "d",
    title: "d",
    sourceLang: "id",
    segments: us.map((u, i) => ({
      id: u.id,
      paragraph: i,
      source: u.source,
      targets: {
        ...(u.targets.vi ? { vi: { text: u.targets.vi.text, status: u.targets.vi.status } } : {}),
        ...(u.targets.en ? { en: { text: u.targets.en.text, status: u.targets.en.status } } : {}),
      },
    })),
  };
}

const summary = (fs: ReturnType<typeof runQa>) =>
  fs.map((f) => `${f.row} ${f.lang} ${f.finding.code} ${f.fingerprint}`).sort();

describe("QaEngine (the QA worker's engine)", () => {
  it("finds what runQa finds over the whole document, and again after a change", () => {
    const engine = new QaEngine();
    engine.update({ docId: "d", sourceLang: "id", order: units.map((u) => u.id), changed: units });
    const first = engine.run();
    expect(summary(first.findings)).toEqual(summary(runQa([asDocument(units)])));
    // vi keeps 2.500: the cross check names the English column.
    expect(first.findings.filter((f) => f.row === 0).map((f) => [f.lang, f.finding.code])).toEqual([
      ["en", "cross.number"],
    ]);

    const fixed = {
      ...units[0]!,
      targets: {
        ...units[0]!.targets,
        en: { text: "More than 2,500 delegates came.", status: "draft" as const },
      },
    };
    const next = [fixed, ...units.slice(1)];
    engine.update({
      docId: "d",
      sourceLang: "id",
      order: units.map((u) => u.id),
      changed: [fixed],
    });
    expect(engine.pending()).toBe(1);
    const second = engine.run();
    expect(summary(second.findings)).toEqual(summary(runQa([asDocument(next)])));
    expect(second.findings.some((f) => f.row === 0 && f.lang === "en")).toBe(false);
  });

  it("reports partial findings during a long run", () => {
    const engine = new QaEngine();
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...units[i % units.length]!,
      id: `m${i}`,
    }));
    engine.update({ docId: "d", sourceLang: "id", order: many.map((u) => u.id), changed: many });
    const seen: number[] = [];
    engine.run((_, done) => seen.push(done), 5);
    expect(seen).toEqual([5, 10]);
  });
});

describe("FindingsDiffer", () => {
  it("sends only the cells whose findings changed, and empty lists for cells now clean", () => {
    const engine = new QaEngine();
    const differ = new FindingsDiffer();
    engine.update({ docId: "d", sourceLang: "id", order: units.map((u) => u.id), changed: units });
    const first = differ.diff(engine.run().findings);
    expect(first.map(([key]) => key)).toContain("s0:en");
    const fixed = {
      ...units[0]!,
      targets: {
        ...units[0]!.targets,
        en: { text: "More than 2,500 delegates came.", status: "draft" as const },
      },
    };
    engine.update({
      docId: "d",
      sourceLang: "id",
      order: units.map((u) => u.id),
      changed: [fixed],
    });
    expect(differ.diff(engine.run().findings)).toEqual([["s0:en", []]]);
  });
});

describe("nextFindingCell", () => {
  const f = (row: number, lang: "vi" | "en", severity: "error" | "warning" | "info" = "error") => ({
    documentId: "d",
    segmentId: `s${row}`,
    row,
    lang,
    fingerprint: `${row}${lang}`,
    finding: { check: "numbers" as const, code: "number.extra", severity, params: {} },
  });
  const list = [f(1, "en"), f(1, "en", "warning"), f(3, "vi"), f(5, "vi", "info")];
  const all = () => true;
  it("goes to the next cell after the current one, skipping the current cell's other findings, and wraps", () => {
    expect(nextFindingCell(list, { index: 0, lang: "vi" }, 1, ["vi", "en"], all)).toEqual({
      index: 1,
      lang: "en",
    });
    expect(nextFindingCell(list, { index: 1, lang: "en" }, 1, ["vi", "en"], all)).toEqual({
      index: 3,
      lang: "vi",
    });
    expect(nextFindingCell(list, { index: 5, lang: "vi" }, 1, ["vi", "en"], all)).toEqual({
      index: 1,
      lang: "en",
    });
    expect(nextFindingCell(list, { index: 3, lang: "vi" }, -1, ["vi", "en"], all)).toEqual({
      index: 1,
      lang: "en",
    });
    expect(nextFindingCell(list, { index: 1, lang: "en" }, -1, ["vi", "en"], all)).toEqual({
      index: 5,
      lang: "vi",
    });
  });
  it("skips rows the filter hides and severities not shown", () => {
    expect(nextFindingCell(list, null, 1, ["vi", "en"], (r) => r !== 1)).toEqual({
      index: 3,
      lang: "vi",
    });
    expect(
      nextFindingCell(list, { index: 3, lang: "vi" }, 1, ["vi", "en"], all, new Set(["error"])),
    ).toEqual({ index: 1, lang: "en" });
    expect(nextFindingCell([], null, 1, ["vi", "en"], all)).toBeNull();
  });
});
