/**
 * Keyboard and accessibility of the grid in the real browser (issue 13 items 10, 11, 12, 14): the
 * grid is one Tab stop with cell navigation inside and ways out, the split point moves with the
 * keyboard from a real sentence boundary, find keeps its options and marks its matches, a refused
 * edit to an inline code says why.
 */
import type { Page } from "playwright-core";
import { readRecord, readTranslation } from "./lib/idb.ts";
import { noQaQuestionOnConfirm } from "./lib/qa-settings.ts";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

/** data-testid (or tag) of the focused element. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute("data-testid") ?? el?.tagName.toLowerCase() ?? "";
  });
}

/** The first and last Tab stops of the page in document order (their test ids). */
function tabStopEnds(page: Page): Promise<{ first: string | null; last: string | null }> {
  return page.evaluate(() => {
    const stops = [
      ...document.querySelectorAll<HTMLElement>(
        "a[href], button, input, select, textarea, [tabindex], summary",
      ),
    ].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        !el.closest("[inert], dialog:not([open])") &&
        el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== "hidden",
    );
    const id = (el: HTMLElement | undefined) => el?.getAttribute("data-testid") ?? null;
    return { first: id(stops[0]), last: id(stops.at(-1)) };
  });
}

async function addDoc(page: Page, baseUrl: string, title: string, text: string) {
  const list = await openCorpusList(page, baseUrl);
  await list.addFromText({ title, text });
  await new AppHeader(page).ensureProfile();
  const grid = new GridPage(page, baseUrl);
  await grid.waitForRows();
  return grid;
}

/** Replaces the source of one stored segment (inline codes exist only through imports). */
async function setSource(page: Page, segmentId: string, source: string): Promise<void> {
  await page.evaluate(
    async ({ segmentId, source }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("selaras");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error("open"));
      });
      const store = db.transaction("segments", "readwrite").objectStore("segments");
      const record = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = store.get(segmentId);
        req.onsuccess = () => resolve(req.result as Record<string, unknown>);
        req.onerror = () => reject(req.error ?? new Error("get"));
      });
      await new Promise<void>((resolve, reject) => {
        const req = store.put({ ...record, source });
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error ?? new Error("put"));
      });
      db.close();
    },
    { segmentId, source },
  );
}

describe("inline codes: a refused edit says why (item 14)", () => {
  test("Backspace into ⟦2⟧ and typing inside ⟦1⟧ are refused with a polite, localized message", async ({
    page,
    baseUrl,
  }) => {
    const grid = await addDoc(page, baseUrl, "Kode", "Kucing besar itu tidur.");
    const id = await grid.segmentId(0);
    const B = '\uE000<bpt i="1">&lt;b&gt;</bpt>\uE001';
    const EB = '\uE000<ept i="1">&lt;/b&gt;</ept>\uE001';
    await setSource(page, id, `Kucing ${B}besar${EB} itu tidur.`);
    await page.reload();
    await grid.waitForRows();
    const vi = grid.target("vi", 0);
    await vi.click();
    await page.keyboard.press("Control+KeyI");
    await expect.poll(() => vi.inputValue()).toBe("Kucing ⟦1⟧besar⟦2⟧ itu tidur.");
    const refusal = grid.root.getByTestId("refusal-vi-0");
    expect(await refusal.getAttribute("role")).toBe("status");
    expect(await refusal.textContent()).toBe("");

    // The caret right after ⟦2⟧, then Backspace: the code stays, the message names it.
    await vi.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf("⟦2⟧") + 3;
      el.setSelectionRange(at, at);
    });
    await page.keyboard.press("Backspace");
    await expect.poll(() => refusal.textContent()).toContain("⟦2⟧");
    expect(await refusal.textContent()).toContain("inline code");
    expect(await vi.inputValue()).toBe("Kucing ⟦1⟧besar⟦2⟧ itu tidur.");
    // The caret stays where it was, so the next key acts there.
    expect(await vi.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
      "Kucing ⟦1⟧besar⟦2⟧".length,
    );

    // Typing between ⟦ and 1.
    await vi.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf("⟦1⟧") + 1;
      el.setSelectionRange(at, at);
    });
    await page.keyboard.type("x");
    await expect.poll(() => refusal.textContent()).toContain("type inside ⟦1⟧");
    expect(await vi.inputValue()).toBe("Kucing ⟦1⟧besar⟦2⟧ itu tidur.");

    // A normal edit clears the note; what is stored keeps both codes.
    await page.keyboard.press("End");
    await page.keyboard.type("!");
    await expect.poll(() => refusal.textContent()).toBe("");
    await grid.target("en", 0).click();
    await grid.waitForSaved();
    expect((await readTranslation(page, id, "vi"))?.text).toBe(`Kucing ${B}besar${EB} itu tidur.!`);

    // In Vietnamese.
    await new AppHeader(page).setLanguage("vi");
    await vi.click();
    await page.keyboard.press("End");
    await vi.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf("⟦1⟧");
      el.setSelectionRange(at, at);
    });
    await page.keyboard.press("Delete");
    await expect.poll(() => refusal.textContent()).toContain("mã nội dòng");
  });
});

describe("split dialog (item 11)", () => {
  test("opens on the split point at a real sentence boundary, moves by character and word, Enter splits there", async ({
    page,
    baseUrl,
  }) => {
    const grid = await addDoc(
      page,
      baseUrl,
      "Rapat",
      "Rapat di Jl. Sudirman dimulai. Semua hadir tepat waktu.",
    );
    await expect.poll(() => grid.segmentCount()).toBe(2);
    await grid.target("vi", 0).click();
    await page.keyboard.press("Control+J");
    await expect.poll(() => grid.segmentCount()).toBe(1);
    await grid.target("vi", 0).click();
    await page.keyboard.press("Control+E");
    const dialog = page.getByTestId("split-dialog");
    await dialog.waitFor();
    const point = dialog.getByTestId("split-source");
    const preview = () => dialog.getByTestId("split-preview").locator("li").allTextContents();
    // Focus on the split control, not on ×; the proposal is the sentence boundary, not "Jl. |".
    await expect.poll(() => focused(page)).toBe("split-source");
    expect(await point.getAttribute("role")).toBe("slider");
    await expect
      .poll(preview)
      .toEqual(["Rapat di Jl. Sudirman dimulai.", "Semua hadir tepat waktu."]);
    expect(await point.getAttribute("aria-valuetext")).toContain("dimulai.");

    await page.keyboard.press("Control+ArrowLeft");
    await expect
      .poll(preview)
      .toEqual(["Rapat di Jl. Sudirman", "dimulai. Semua hadir tepat waktu."]);
    expect(await point.getAttribute("aria-valuetext")).toBe(
      "After “Rapat di Jl. Sudirman”, before “dimulai. Semua hadir tepat …”",
    );
    await page.keyboard.press("Control+ArrowLeft");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect
      .poll(preview)
      .toEqual(["Rapat di Jl. Su", "dirman dimulai. Semua hadir tepat waktu."]);
    // The marker is drawn where the split point is.
    expect(
      await point.evaluate((el) => {
        const marker = el.querySelector(".split-marker");
        return marker?.nextElementSibling?.textContent ?? null;
      }),
    ).toBe("dirman dimulai. Semua hadir tepat waktu.");
    await page.keyboard.press("Control+ArrowRight");
    await expect
      .poll(preview)
      .toEqual(["Rapat di Jl. Sudirman", "dimulai. Semua hadir tepat waktu."]);
    await page.keyboard.press("Enter");
    await expect.poll(() => grid.segmentCount()).toBe(2);
    await expect.poll(() => grid.source(1).textContent()).toBe("dimulai. Semua hadir tepat waktu.");
    const doc = await readRecord<{ segmentCount: number }>(
      page,
      "documents",
      new URL(page.url()).hash.replace(/^#\/doc\//u, "").split("?")[0]!,
    );
    expect(doc?.segmentCount).toBe(2);
  });
});

/** Whether focus is inside the grid. */
function inGrid(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'));
}

/** Presses Tab from the focused element until focus is in a target cell; returns the count. */
async function tabsToFirstCell(page: Page, limit = 80): Promise<number> {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press("Tab");
    const id = await focused(page);
    if (/^target-(vi|en)-\d+$/u.test(id)) return n;
  }
  return Infinity;
}

async function openCorpusGrid(page: Page, baseUrl: string): Promise<GridPage> {
  const list = await openCorpusList(page, baseUrl);
  // Keys, not QA: Ctrl+Enter on the placeholder texts (QA errors) confirms without a question.
  await noQaQuestionOnConfirm(page);
  const [title] = await list.titles();
  if (title === undefined) throw new Error("no corpus document listed");
  return list.open(title);
}

describe("the grid is one Tab stop with ways in and out (item 10)", () => {
  test("few Tab stops from Export to the first cell; a skip link is the first Tab stop", async ({
    page,
    baseUrl,
  }) => {
    const grid = await openCorpusGrid(page, baseUrl);
    await expect.poll(() => focused(page)).toBe("target-vi-0");
    await grid.root.getByTestId("export-open").focus();
    const stops = await tabsToFirstCell(page);
    console.info(`Tab stops from Export to the first cell: ${stops}`);
    // Before: 23 here (25 in the issue): the 8 cell tools one by one, the rows' buttons on the way.
    // After: 14 = the cell tools (one toolbar stop), the filter bar's 12 (Chromium's date field
    // alone is 4), and the grid's one.
    expect(stops).toBeLessThanOrEqual(14);
    expect(await focused(page)).toBe("target-vi-0");

    // From the top of the page, the first Tab stop is "Skip to the grid".
    await page.reload();
    await grid.waitForRows();
    // The page's last Tab stop is the side panel's (rendered after the rows).
    await page.getByTestId("glossary-import").waitFor();
    expect(await tabStopEnds(page)).toEqual({ first: "skip-to-grid", last: "glossary-import" });
    // Shift+Tab from the header's first control reaches it, and nothing comes before it.
    await page.evaluate(() => {
      const first = document
        .querySelector("header")
        ?.querySelector<HTMLElement>("a[href], button, select, input");
      first?.focus();
    });
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => focused(page)).toBe("skip-to-grid");
    // Out of the page, or round to its last Tab stop (measured: headless Chromium, which has no
    // controls of its own to take the focus, does either; then Tab leaves the page first).
    await page.keyboard.press("Shift+Tab");
    const out = await focused(page);
    expect(["body", "glossary-import"]).toContain(out);
    if (out === "glossary-import") {
      await page.keyboard.press("Tab");
      await expect.poll(() => focused(page)).toBe("body");
    }
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(page)).toBe("skip-to-grid");
    expect(await page.getByTestId("skip-to-grid").textContent()).toBe("Skip to the grid");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("target-vi-0");
  });

  test("Esc leaves editing for cell navigation (arrows, Enter), Esc again and Tab leave the grid, Tab comes back to the same cell", async ({
    page,
    baseUrl,
  }) => {
    const grid = await openCorpusGrid(page, baseUrl);
    await grid.target("vi", 1).click();
    // The CAT keys in the field are unchanged: Tab moves to the next cell.
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(page)).toBe("target-en-1");
    await page.keyboard.press("Escape");
    const cellOf = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute("role") === "gridcell"
          ? `${el.dataset["cellLang"]}-${el.querySelector("[data-testid^=target-]")?.getAttribute("data-testid")}`
          : null;
      });
    await expect.poll(cellOf).toBe("en-target-en-1");
    await page.keyboard.press("ArrowDown");
    await expect.poll(cellOf).toBe("en-target-en-2");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(cellOf).toBe("vi-target-vi-2");
    await page.keyboard.press("ArrowUp");
    await expect.poll(cellOf).toBe("vi-target-vi-1");
    // Enter edits the cell; a character typed in navigation starts editing too.
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("target-vi-1");
    await page.keyboard.type("Xin");
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.type("A");
    await expect.poll(() => focused(page)).toBe("target-vi-2");
    await expect.poll(() => grid.target("vi", 2).inputValue()).toBe("A");
    expect(await grid.target("vi", 1).inputValue()).toBe("Xin");
    // CAT keys in cell navigation act on the cell: Ctrl+Enter confirms and moves on.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 2)).toBe("translated");
    await expect.poll(() => focused(page)).toBe("target-vi-3");

    // Esc twice: out of the grid, to the control just before it.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect.poll(() => inGrid(page)).toBe(false);
    const before = await focused(page);
    expect(before).not.toBe("body");
    // Tab comes back to the cell that had focus (roving tabindex), past the date field's parts.
    expect(await tabsToFirstCell(page)).toBeLessThanOrEqual(4);
    expect(await focused(page)).toBe("target-vi-3");
    // Shift+Tab in navigation leaves backwards, Tab in navigation forwards.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => focused(page)).toBe(before);
    expect(await tabsToFirstCell(page)).toBeLessThanOrEqual(4);
    expect(await focused(page)).toBe("target-vi-3");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    await expect.poll(() => inGrid(page)).toBe(false);

    // Shift+Tab on the first cell and Tab on the last leave the grid.
    await grid.target("vi", 0).click();
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => inGrid(page)).toBe(false);
    await expect.poll(() => focused(page)).toBe(before);
    await grid.target("vi", 0).click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+End");
    const last = (await grid.segmentCount()) - 1;
    await expect.poll(cellOf).toBe(`en-target-en-${last}`);
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe(`target-en-${last}`);
    await page.keyboard.press("Tab");
    await expect.poll(() => inGrid(page)).toBe(false);
  });
});

describe("find and replace (item 12)", () => {
  test("the In choice and the toggles stay while the box is empty; a replace warns of Translated segments going to Draft and says what it did", async ({
    page,
    baseUrl,
  }) => {
    const grid = await openCorpusGrid(page, baseUrl);
    const where = grid.root.getByTestId("filter-in");
    await where.selectOption("vi");
    const caseToggle = grid.root.getByRole("checkbox", { name: "Match case" });
    await caseToggle.check();
    await expect.poll(() => page.url()).toContain("case=1");
    expect(await where.inputValue()).toBe("vi");
    expect(await caseToggle.isChecked()).toBe(true);
    await page.reload();
    await grid.waitForRows();
    await expect.poll(() => where.inputValue()).toBe("vi");
    expect(await caseToggle.isChecked()).toBe(true);
    await grid.root.getByTestId("filter-text").fill("x");
    await grid.root.getByTestId("filter-text").fill("");
    expect(await where.inputValue()).toBe("vi");
    expect(await caseToggle.isChecked()).toBe(true);

    await grid.typeInto("vi", 0, "Con mèo nhỏ, mèo lớn.");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("translated");
    await grid.typeInto("vi", 1, "Một con mèo.");
    await grid.waitForSaved();
    await grid.root.getByTestId("replace-open").click();
    const dialog = page.getByTestId("replace-dialog");
    await dialog.getByTestId("replace-lang").selectOption("vi");
    await dialog.getByTestId("replace-find").fill("mèo");
    await dialog.getByTestId("replace-with").fill("chó");
    await dialog.getByTestId("replace-apply").click();
    const ask = page.getByTestId("confirm-dialog");
    await ask.waitFor();
    expect(await ask.getByTestId("confirm-message").textContent()).toBe(
      "1 of the segments to change is Translated or Approved and will go back to Draft. Replace anyway?",
    );
    await ask.getByTestId("confirm-ok").click();
    await expect
      .poll(() => grid.root.getByTestId("grid-notice").textContent())
      .toContain("Replaced 3 occurrences in 2 segments.");
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("Con chó nhỏ, chó lớn.");
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("draft");
  });
});
