import { describe, expect, it } from "vitest";
import {
  anyRepetition,
  mayReceive,
  planRepetitions,
  repetitionKey,
  type RepetitionInput,
} from "../../../src/core/tm/repetitions.ts";
import { initialKeys } from "../../../src/core/model/order-key.ts";
import type { TranslationRecord } from "../../../src/core/model/records.ts";
import type { Status } from "../../../src/core/model/status.ts";
import { CODE_END, CODE_START } from "../../../src/core/text/inline-marks.ts";

interface Spec {
  text?: string;
  status?: Status;
  span?: number;
  locked?: boolean;
  alternative?: boolean;
  tmScore?: number;
}

/** A column of one-row cells (unless given a span) made for rows r0, r1, … */
function column(specs: readonly Spec[]): TranslationRecord[] {
  const keys = initialKeys(specs.length);
  return specs.map((s, k) => {
    const text = s.text ?? "";
    return {
      id: `r${k}:vi`,
      segmentId: `r${k}`,
      docId: "d",
      lang: "vi",
      order: keys[k]!,
      span: s.span ?? 1,
      text,
      status: s.status ?? (text === "" ? "empty" : "draft"),
      origin: "typed",
      confidence: null,
      locked: s.locked ?? false,
      createdBy: "a",
      createdAt: "2026-01-01T00:00:00Z",
      changedBy: "a",
      changedAt: "2026-01-01T00:00:00Z",
      ...(s.alternative ? { alternative: true } : {}),
      ...(s.tmScore !== undefined ? { tmScore: s.tmScore } : {}),
    };
  });
}

function input(sources: string[], cells: TranslationRecord[], cellId = "r0:vi"): RepetitionInput {
  let n = 0;
  return {
    rowIds: sources.map((_, i) => `r${i}`),
    sources,
    column: cells,
    cellId,
    ref: { docId: "d", lang: "vi" },
    ctx: { user: "lan", at: "2026-02-02T00:00:00Z", newId: () => `new${++n}` },
  };
}

const CONFIRMED: Spec = { text: "Xin chào.", status: "translated", locked: true };

describe("repetitionKey", () => {
  it("is the source after NFC and white space made one space, case and punctuation kept", () => {
    expect(repetitionKey("  Halo\u00a0 dunia.\n")).toBe("Halo dunia.");
    expect(repetitionKey("Cafe\u0301 buka.")).toBe(repetitionKey("Café buka."));
    expect(repetitionKey("halo dunia.")).not.toBe(repetitionKey("Halo dunia."));
    expect(repetitionKey("Halo dunia!")).not.toBe(repetitionKey("Halo dunia."));
  });

  it("keeps inline codes exactly, white space inside them included", () => {
    const code = (markup: string) => `${CODE_START}${markup}${CODE_END}`;
    const a = `Klik ${code('<b  id="1">')}di sini${code("</b>")}.`;
    expect(repetitionKey(a.replace("Klik ", "Klik   "))).toBe(repetitionKey(a));
    expect(repetitionKey(a.replace('<b  id="1">', '<b id="1">'))).not.toBe(repetitionKey(a));
    expect(repetitionKey(a.replace('<b  id="1">', '<i  id="1">'))).not.toBe(repetitionKey(a));
    // The same words without the codes are not a repetition either.
    expect(repetitionKey("Klik di sini.")).not.toBe(repetitionKey(a));
  });
});

describe("planRepetitions", () => {
  it("fills Empty and Draft repetitions with the confirmed text, status and stamp", () => {
    const sources = ["Halo.", "Apa kabar?", "Halo.", "Halo. ", "Halo!"];
    const cells = column([CONFIRMED, { text: "Khỏe không?" }, {}, { text: "Chào.", tmScore: 80 }]);
    const plan = planRepetitions(input(sources, cells));
    expect(plan.rows).toEqual([2, 3]);
    expect(plan.patches.map((p) => [p.key, p.before?.text, p.after?.text])).toEqual([
      ["r2:vi", "", "Xin chào."],
      ["r3:vi", "Chào.", "Xin chào."],
    ]);
    for (const p of plan.patches) {
      expect(p.after).toMatchObject({
        status: "translated",
        locked: true,
        confidence: null,
        changedBy: "lan",
        changedAt: "2026-02-02T00:00:00Z",
      });
      // The memory match's score no longer describes the text.
      expect(p.after?.tmScore).toBeUndefined();
    }
  });

  it("never overwrites translated, approved, rejected, locked or alternative cells", () => {
    const sources = ["Halo.", "Halo.", "Halo.", "Halo.", "Halo.", "Halo.", "Halo."];
    const cells = column([
      CONFIRMED,
      { text: "A", status: "translated" },
      { text: "B", status: "approved" },
      { text: "C", status: "rejected" },
      { text: "D", locked: true },
      { text: "E", alternative: true },
      { text: "F" },
    ]);
    const plan = planRepetitions(input(sources, cells));
    expect(plan.rows).toEqual([6]);
    expect(mayReceive(cells[1]!)).toBe(false);
    expect(mayReceive(cells[6]!)).toBe(true);
  });

  it("an alternative, empty or multi-row confirmed cell fills nothing", () => {
    const sources = ["Halo.", "Halo.", "Halo."];
    expect(
      planRepetitions(input(sources, column([{ ...CONFIRMED, alternative: true }]))).rows,
    ).toEqual([]);
    expect(planRepetitions(input(sources, column([{ status: "translated" }]))).rows).toEqual([]);
    expect(
      planRepetitions(
        input(["Halo.", "Halo.", "Halo.", "Halo."], column([{ ...CONFIRMED, span: 2 }])),
      ).rows,
    ).toEqual([]);
  });

  it("skips a repetition whose row is part of a bigger cell or has text under it", () => {
    // Rows 1 and 2 share one cell (a 2-1 link); row 3 has a span-0 cell under it.
    const sources = ["Halo.", "Halo.", "Halo.", "Halo.", "Dunia."];
    const cells = column([CONFIRMED, { text: "X", span: 2 }, {}, { text: "Y", span: 0 }, {}]);
    expect(planRepetitions(input(sources, cells)).rows).toEqual([]);
  });

  it("reaches repetitions past the column's end with one cell each, the rows between uncovered", () => {
    // Issue 13 item 16: no stored empty cell per row between (this test expected r1 and r3 as
    // empty cells); the uncovered rows between are gaps, one per run.
    const sources = ["Halo.", "Apa?", "Halo.", "Dunia.", "Halo."];
    const plan = planRepetitions(input(sources, column([CONFIRMED])));
    expect(plan.rows).toEqual([2, 4]);
    expect(
      plan.patches.map((p) => [p.key, p.before, p.after?.text, p.after?.span, !!p.after?.gap]),
    ).toEqual([
      ["new1", null, "", 1, true],
      ["r2:vi", null, "Xin chào.", 1, false],
      ["new2", null, "", 1, true],
      ["r4:vi", null, "Xin chào.", 1, false],
    ]);
    expect(plan.patches.find((p) => p.key === "r2:vi")?.after?.status).toBe("translated");
    // New cells keep the column ordered after its last cell.
    const orders = [column([CONFIRMED])[0]!.order, ...plan.patches.map((p) => p.after!.order)];
    expect([...orders].sort()).toEqual(orders);
  });

  it("fills from any confirmed row, not only the first", () => {
    const sources = ["Halo.", "Dunia.", "Halo."];
    const cells = column([{}, { text: "Thế giới." }, CONFIRMED]);
    const plan = planRepetitions(input(sources, cells, "r2:vi"));
    expect(plan.rows).toEqual([0]);
  });

  it("a source with no text has no repetitions", () => {
    expect(planRepetitions(input([" ", " "], column([CONFIRMED]))).rows).toEqual([]);
  });
});

describe("anyRepetition", () => {
  it("says whether some two sources are repetitions", () => {
    expect(anyRepetition(["Halo.", "Dunia."])).toBe(false);
    expect(anyRepetition(["Halo.", "Dunia.", " Halo. "])).toBe(true);
    expect(anyRepetition(["", " ", "Halo."])).toBe(false);
  });
});
