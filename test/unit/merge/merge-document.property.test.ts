import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BundleDocument } from "../../../src/core/model/bundle.ts";
import type { Status } from "../../../src/core/model/status.ts";
import type { TargetLang } from "../../../src/core/model/languages.ts";
import { mergeDocument } from "../../../src/core/merge/merge-document.ts";
import type { KnownState, LocalCellState } from "../../../src/core/merge/merge-cell.ts";

const BASELINE = "2026-11-20T12:00:00.000Z";
const BEFORE = "2026-11-20T08:00:00.000Z";
const AFTER_MINE = "2026-11-21T09:00:00.000Z";
const AFTER_THEIRS = "2026-11-21T10:00:00.000Z";
const LANGS: TargetLang[] = ["vi", "en"];

const words = fc.constantFrom("mưa", "lớn", "rain", "heavy", "giá", "tăng", "2.500", "đã");
const text = fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
const status = fc.constantFrom<Status>("draft", "translated", "approved", "rejected");

/** One cell: the state both sides shared at the export, and what each side did since. */
const cellArb = fc
  .record({
    base: fc.option(fc.record({ text, status }), { nil: null }),
    mine: fc.option(fc.record({ text, status }), { nil: null }),
    theirs: fc.option(fc.record({ text, status }), { nil: null }),
  })
  // A side that "changed" a cell to exactly its base state did not change it.
  .map((c) => ({
    base: c.base,
    mine: sameState(c.mine, c.base) ? null : c.mine,
    theirs: sameState(c.theirs, c.base) ? null : c.theirs,
  }));

function sameState(a: CellCase["base"], b: CellCase["base"]): boolean {
  return a !== null && b !== null && a.text === b.text && a.status === b.status;
}
interface CellCase {
  base: { text: string; status: Status } | null;
  mine: { text: string; status: Status } | null;
  theirs: { text: string; status: Status } | null;
}

const docArb = fc.array(fc.tuple(cellArb, cellArb), { minLength: 1, maxLength: 12 });

describe("mergeDocument (three-way, per cell)", () => {
  it("one side's change is taken, both sides' different changes conflict with the local text kept, and no typed text is lost", () => {
    fc.assert(
      fc.property(docArb, (rows) => {
        const cells = new Map<string, CellCase>();
        rows.forEach((pair, r) => LANGS.forEach((lang, k) => cells.set(`s${r}:${lang}`, pair[k]!)));
        const local = (c: CellCase): LocalCellState | null => {
          if (c.mine) return { ...c.mine, changedBy: "me", changedAt: AFTER_MINE };
          if (c.base) return { ...c.base, changedBy: "both", changedAt: BEFORE };
          return null;
        };
        const known = (c: CellCase): KnownState[] => [
          ...(c.base ? [c.base] : []),
          ...(c.mine ? [c.mine] : []),
        ];
        const file: BundleDocument = {
          id: "d",
          title: "D",
          sourceLang: "id",
          baseline: BASELINE,
          segments: rows.map((_, r) => {
            const targets: BundleDocument["segments"][number]["targets"] = {};
            for (const lang of LANGS) {
              const c = cells.get(`s${r}:${lang}`)!;
              const t = c.theirs ?? c.base;
              if (t)
                targets[lang] = {
                  ...t,
                  changedBy: c.theirs ? "reviewer" : "both",
                  changedAt: c.theirs ? AFTER_THEIRS : BEFORE,
                };
            }
            return { id: `s${r}`, paragraph: 0, source: `src ${r}`, targets };
          }),
        };
        const merge = mergeDocument(
          file,
          {
            rows: rows.map((_, r) => ({ id: `s${r}`, source: `src ${r}` })),
            cell: (rowId, lang) => local(cells.get(`${rowId}:${lang}`)!),
            known: (rowId, lang) => known(cells.get(`${rowId}:${lang}`)!),
            comments: () => [],
          },
          BASELINE,
        );
        const changes = new Map(merge.cells.map((c) => [`${c.rowId}:${c.lang}`, c.merge]));
        expect(changes.size).toBe(merge.cells.length);
        for (const [key, c] of cells) {
          const change = changes.get(key);
          const mineChanged =
            c.mine !== null && (c.mine.text !== c.base?.text || c.mine.status !== c.base.status);
          const theirsChanged =
            c.theirs !== null &&
            (c.theirs.text !== c.base?.text || c.theirs.status !== c.base.status);
          const current = c.mine ?? c.base;
          // The result of applying the change to the local cell.
          let resultText = current?.text ?? "";
          let resultStatus = current?.status ?? "empty";
          const competing: string[] = [];
          if (change?.kind === "take") {
            resultText = change.target.text;
            resultStatus = change.target.status;
          } else if (change?.kind === "conflict") {
            expect(change.competing.source).toBe("import");
            expect(change.competing.by).toBe("reviewer");
            competing.push(change.competing.text);
          }
          if (!theirsChanged) {
            // Only the local side changed (or nobody): the local cell stays exactly as it is.
            expect(change, key).toBeUndefined();
          } else if (!mineChanged) {
            // Only the file changed: the file's text and status.
            expect([resultText, resultStatus], key).toEqual([c.theirs!.text, c.theirs!.status]);
          } else if (c.theirs!.text !== c.base?.text && c.mine!.text !== c.theirs!.text) {
            // Both changed and the file has a new, different text: the local text stays, the
            // file's competes.
            expect(change?.kind, key).toBe("conflict");
            expect([resultText, resultStatus]).toEqual([c.mine!.text, c.mine!.status]);
            expect(competing).toEqual([c.theirs!.text]);
          } else {
            // Both changed, but the file has no new text (the same text, or only another status of
            // the old one): the local cell stays; its status is not lost.
            expect(change, key).toBeUndefined();
          }
          // Nothing anyone typed since the export is lost: it is current or competing.
          const typed = [
            mineChanged ? c.mine!.text : null,
            theirsChanged && c.theirs!.text !== c.base?.text ? c.theirs!.text : null,
          ];
          for (const t of typed)
            if (t !== null) expect([resultText, ...competing], key).toContain(t);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a file without the cell, or an empty target, never deletes local text", () => {
    const merge = mergeDocument(
      {
        id: "d",
        title: "D",
        sourceLang: "id",
        baseline: BASELINE,
        segments: [
          { id: "s0", paragraph: 0, source: "a", targets: { vi: { text: "", status: "empty" } } },
        ],
      },
      {
        rows: [{ id: "s0", source: "a" }],
        cell: () => ({ text: "x", status: "draft", changedBy: "me", changedAt: BEFORE }),
        known: () => [],
        comments: () => [],
      },
      BASELINE,
    );
    expect(merge.cells).toEqual([]);
  });

  it("rows whose source differs or that the file does not know are counted, not merged", () => {
    const merge = mergeDocument(
      {
        id: "d",
        title: "D",
        sourceLang: "id",
        segments: [
          {
            id: "s0",
            paragraph: 0,
            source: "changed",
            targets: { vi: { text: "y", status: "draft" } },
          },
          { id: "zz", paragraph: 0, source: "b", targets: { vi: { text: "y", status: "draft" } } },
        ],
      },
      {
        rows: [{ id: "s0", source: "a" }],
        cell: () => null,
        known: () => [],
        comments: () => [],
      },
      null,
    );
    expect(merge).toMatchObject({ cells: [], sourceDiffers: 1, unmatched: 1 });
  });
});
