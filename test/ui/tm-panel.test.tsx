import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../helpers/render-app.tsx";
import { readTmx } from "../../src/core/format/tmx/read-tmx.ts";
import { importIntoMemory } from "../../src/db/operations/project-memory.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { insertMatchKey, isConcordanceKey } from "../../src/ui/tm/tm-shortcuts.ts";
import { hitParts } from "../../src/ui/tm/highlight.tsx";
import { i18n } from "../../src/i18n/index.ts";

/** The corpus memory of test/fixtures/tm (26 id → vi + en units from the shipped corpus). */
const MEMORY = readFileSync(resolve(process.cwd(), "test/fixtures/tm/corpus-memory.tmx"), "utf8");

// c3 of the memory: "Acara tersebut dihadiri oleh perwakilan dari hampir 100 negara dan lebih dari
// 100 organisasi internasional dan regional." Row 1 changes one word (a fuzzy match), row 2 only
// the numbers, 100 → 120 both times (offered with the numbers replaced; a value that became two
// different numbers could not be replaced by value, core/tm/score.ts).
const TEXT =
  "Acara tersebut dihadiri oleh utusan dari hampir 100 negara dan lebih dari 100 organisasi internasional dan regional.\n" +
  "Acara tersebut dihadiri oleh perwakilan dari hampir 120 negara dan lebih dari 120 organisasi internasional dan regional.";

async function setUp() {
  const user = userEvent.setup();
  const { db } = await renderApp();
  await screen.findAllByTestId("doc-row");
  const added = await importIntoMemory(db, readTmx(MEMORY), "corpus-memory.tmx");
  expect(added.added).toBe(26);
  const [docId] = await importDocuments(db, [
    { title: "Liputan", sourceLang: "id", text: TEXT, origin: { kind: "user" } },
  ]);
  gotoDocument(docId!);
  await screen.findByTestId("source-1");
  const segs = await segmentsOf(db, docId!);
  return { user, db, docId: docId!, segs };
}

describe("TM keys", () => {
  it("Ctrl/Cmd + 1…9 name a match; Alt+K is the concordance (by key or by its place)", () => {
    const k = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(insertMatchKey({ ...k, ctrlKey: true, key: "3", code: "Digit3" })).toBe(3);
    expect(insertMatchKey({ ...k, metaKey: true, key: "9" })).toBe(9);
    expect(insertMatchKey({ ...k, ctrlKey: true, key: "0", code: "Digit0" })).toBeNull();
    expect(insertMatchKey({ ...k, ctrlKey: true, shiftKey: true, key: "!", code: "Digit1" })).toBe(
      null,
    );
    expect(insertMatchKey({ ...k, key: "1" })).toBeNull();
    expect(isConcordanceKey({ ...k, altKey: true, key: "˚", code: "KeyK" })).toBe(true);
    expect(isConcordanceKey({ ...k, altKey: true, ctrlKey: true, key: "k", code: "KeyK" })).toBe(
      false,
    );
  });

  it("hit parts keep the text as written and mark every occurrence, case folded", () => {
    expect(hitParts("Konvensi Hanoi dan konvensi lain", "KONVENSI")).toEqual([
      { text: "Konvensi", hit: true },
      { text: " Hanoi dan ", hit: false },
      { text: "konvensi", hit: true },
      { text: " lain", hit: false },
    ]);
  });
});

describe("matches panel", () => {
  it("shows the focused row's fuzzy match with its diff and both translations; Ctrl+1 inserts it as one undo step with its score", async () => {
    const { user, db, segs } = await setUp();
    const vi = screen.getByTestId("target-vi-0");
    await user.click(vi);
    const panel = await screen.findByTestId("tm-panel");
    const first = await within(panel).findByTestId("tm-match-1");
    // One word of 18 tokens differs: 100 × 17/18 = 94, minus 1 for the unapproved English.
    const score = Number(within(first).getByTestId("tm-score-1").textContent!.replace(/\D/g, ""));
    expect(score).toBeGreaterThanOrEqual(90);
    expect(score).toBeLessThan(100);
    const diff = within(first).getByTestId("tm-diff-1");
    expect(diff.querySelector("del")).toHaveTextContent("perwakilan");
    expect(diff.querySelector("ins")).toHaveTextContent("utusan");
    // The replaced word and its replacement read as two words, not "perwakilanutusan".
    expect(diff.textContent).toContain("oleh perwakilan utusan dari");
    expect(within(first).getByTestId("tm-target-1-vi")).toHaveTextContent(
      "Sự kiện có sự tham dự của đại diện",
    );
    expect(within(first).getByTestId("tm-target-1-en")).toHaveTextContent(
      /delegates|representatives/,
    );
    expect(first).toHaveTextContent("corpus-memory.tmx");

    await user.keyboard("{Control>}1{/Control}");
    const inserted = within(first)
      .getByTestId("tm-target-1-vi")
      .querySelector("[lang=vi]")!.textContent!;
    await waitFor(() => expect(vi).toHaveValue(inserted));
    const cell = await db.translations.get(`${segs[0]!.id}:vi`);
    expect(cell).toMatchObject({ text: inserted, status: "draft", tmScore: score });
    expect(screen.getByTestId("tm-notice")).toHaveTextContent(`(${score} %)`);
    // Said again in another UI language, not left in the one it was said in.
    await act(() => i18n.changeLanguage("vi"));
    expect(screen.getByTestId("tm-notice")).toHaveTextContent(
      `Đã chèn kết quả 1 (${score} %) vào ô tiếng Việt của dòng 1.`,
    );
    await act(() => i18n.changeLanguage("en"));

    // One undo step: Ctrl+Z empties the cell again.
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(vi).toHaveValue(""));
    expect((await db.translations.get(`${segs[0]!.id}:vi`))?.text ?? "").toBe("");
  });

  it("a match that differs only in numbers is offered with this row's numbers, in each language's notation", async () => {
    const { user } = await setUp();
    await user.click(screen.getByTestId("target-en-1"));
    const first = await screen.findByTestId("tm-match-1");
    expect(within(first).getByTestId("tm-substituted-1")).toBeInTheDocument();
    expect(within(first).getByTestId("tm-penalty-1-numbers")).toBeInTheDocument();
    expect(within(first).getByTestId("tm-target-1-vi")).toHaveTextContent("120");
    expect(within(first).getByTestId("tm-target-1-en")).toHaveTextContent(
      "nearly 120 countries and more than 120 international",
    );
    expect(within(first).getByTestId("tm-target-1-vi")).not.toHaveTextContent("100");
    await user.keyboard("{Control>}1{/Control}");
    await waitFor(() =>
      expect((screen.getByTestId("target-en-1") as HTMLTextAreaElement).value).toMatch(/120/),
    );
  });

  it("a translation saved in one row is offered as a match in another (the index follows the documents)", async () => {
    const { user, db, segs } = await setUp();
    const vi0 = screen.getByTestId("target-vi-0");
    await user.click(vi0);
    await user.type(vi0, "Bản dịch riêng của dòng một.");
    fireEvent.blur(vi0);
    await waitFor(async () =>
      expect((await db.translations.get(`${segs[0]!.id}:vi`))?.text).toBe(
        "Bản dịch riêng của dòng một.",
      ),
    );
    await user.click(screen.getByTestId("target-vi-1"));
    await waitFor(
      () =>
        expect(
          screen
            .getAllByTestId(/^tm-target-\d-vi$/)
            .some((el) => el.textContent?.includes("Bản dịch riêng của dòng một.")),
        ).toBe(true),
      { timeout: 4000 },
    );
    const fromDoc = screen
      .getAllByTestId(/^tm-match-\d$/)
      .find((el) => el.textContent?.includes("Bản dịch riêng"))!;
    expect(fromDoc).toHaveTextContent("Liputan · row 1");
    expect(fromDoc).toHaveTextContent("Draft");
  });

  it("Alt+K looks up the selected text: occurrences with the hit marked and both translations", async () => {
    const { user } = await setUp();
    const src = screen.getByTestId("target-vi-0");
    await user.click(src);
    await screen.findByTestId("tm-panel");
    await user.keyboard("{Alt>}k{/Alt}");
    const search = await screen.findByTestId("tm-search");
    await waitFor(() => expect(search).toHaveFocus());
    await user.type(search, "Sekretaris Jenderal{Enter}");
    const hits = await screen.findAllByTestId("tm-hit");
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) {
      const marks = [...hit.querySelectorAll("mark")].map((m) => m.textContent!.toLowerCase());
      expect(marks).toContain("sekretaris jenderal");
    }
    expect(hits[0]).toHaveTextContent("VI");
    expect(hits[0]).toHaveTextContent("EN");
    expect(screen.getByTestId("tm-concordance-count")).toHaveTextContent(
      `${hits.length} occurrences`,
    );
  });

  it("Word forms: tandatangan finds menandatangani and penandatanganan, marked where they are", async () => {
    window.localStorage.removeItem("selaras.concordance.stems");
    const { user } = await setUp();
    await user.click(screen.getByTestId("target-vi-0"));
    await screen.findByTestId("tm-panel");
    await user.keyboard("{Alt>}k{/Alt}");
    const search = await screen.findByTestId("tm-search");
    await user.type(search, "tandatangan{Enter}");
    await screen.findByTestId("tm-concordance-none");
    const box = screen.getByTestId("tm-stems");
    expect(box).not.toBeChecked();
    await user.click(box);
    const hits = await screen.findAllByTestId("tm-hit");
    expect(hits.length).toBeGreaterThan(3);
    for (const hit of hits) {
      const marks = [...hit.querySelectorAll(".tm-source mark")].map((m) =>
        m.textContent!.toLowerCase(),
      );
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(m).toMatch(/^(pen|men|di)?(t)?andatangan(i|an|nya)?$/);
    }
    // Remembered for the next search (and the next visit).
    expect(window.localStorage.getItem("selaras.concordance.stems")).toBe("1");
    await user.click(box);
    await screen.findByTestId("tm-concordance-none");
    expect(window.localStorage.getItem("selaras.concordance.stems")).toBe("0");
  });

  it("Alt+K with a selection in a cell searches for it at once", async () => {
    const { user } = await setUp();
    const en = screen.getByTestId("target-en-0") as HTMLTextAreaElement;
    await user.click(en);
    await user.type(en, "the opening session");
    await act(async () => en.setSelectionRange(4, 19));
    await user.keyboard("{Alt>}k{/Alt}");
    await waitFor(() => expect(screen.getByTestId("tm-search")).toHaveValue("opening session"));
    const hits = await screen.findAllByTestId("tm-hit");
    expect(hits[0]!.querySelector("mark")).toHaveTextContent(/opening session/i);
  });

  it("the shortcut sheet lists the memory's keys", async () => {
    const { user } = await setUp();
    await user.click(screen.getByTestId("target-vi-0"));
    await user.keyboard("{Alt>}h{/Alt}");
    const sheet = await screen.findByTestId("shortcut-tm");
    expect(sheet).toHaveTextContent("Ctrl+1");
    expect(sheet).toHaveTextContent("Ctrl+9");
    expect(sheet).toHaveTextContent("Alt+K");
  });
});
