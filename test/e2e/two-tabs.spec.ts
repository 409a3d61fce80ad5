/**
 * Two tabs on one cell (issue 14 item 3): two tabs of one browser are two clients. Typing into the
 * same cell from both, quickly in turn, loses no word: what one tab stored while the other was
 * typing is kept as a competing version, shown as a conflict in both tabs. Each tab journals under
 * its own key: a closed tab's journal is replayed at the next start, an open tab's is left to it.
 */
import type { Page } from "playwright-core";
import { readRecord } from "./lib/idb.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

interface Stored {
  text: string;
  competing?: { text: string; source: string }[];
}

async function openTab(page: Page, baseUrl: string, docId: string) {
  const grid = new GridPage(page, baseUrl);
  await grid.goto(docId);
  await grid.waitForRows();
  return grid;
}

describe("two tabs", () => {
  test("typing in one cell from two tabs loses no word; each tab has its own journal", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const [title] = await list.titles();
    const docId = await list.docId(title!);
    const a = await openTab(page, baseUrl, docId);
    const pageB = await page.context().newPage();
    const b = await openTab(pageB, baseUrl, docId);
    const segmentId = await a.segmentId(0);

    // Quickly in turn, as someone with the document open twice would: every word must survive.
    const words: string[] = [];
    for (let round = 0; round < 10; round++) {
      for (const [name, grid, p] of [
        ["a", a, page],
        ["b", b, pageB],
      ] as const) {
        const word = `${name}${round}`;
        words.push(word);
        await grid.target("vi", 0).focus();
        await p.keyboard.press("End");
        await p.keyboard.type(` ${word}`);
      }
    }
    await a.waitForSaved();
    await b.waitForSaved();
    await pageB.waitForTimeout(300);
    const stored = await readRecord<Stored>(page, "translations", `${segmentId}:vi`);
    const kept = [stored!.text, ...(stored!.competing ?? []).map((v) => v.text)].join(" | ");
    const lost = words.filter((w) => !new RegExp(`\\b${w}\\b`).test(kept));
    expect(lost, `kept: ${kept}`).toEqual([]);
    // A conflict was recorded, and both tabs show it.
    expect(stored!.competing?.length ?? 0).toBeGreaterThan(0);
    for (const grid of [a, b]) {
      await expect.poll(() => grid.root.getByTestId("conflict-vi-0").count()).toBe(1);
    }

    // Journals: an open tab's is left alone, a closed tab's is replayed at the next start.
    const idB = await pageB.evaluate(() => sessionStorage.getItem("selaras.tabId"));
    const idA = await page.evaluate(() => sessionStorage.getItem("selaras.tabId"));
    expect(idA).not.toBeNull();
    expect(idB).not.toBeNull();
    expect(idB).not.toBe(idA);
    const entry = (text: string, segment: string) =>
      JSON.stringify([
        { segmentId: segment, lang: "en", text, user: "Uji Coba", at: new Date().toISOString() },
      ]);
    const seg1 = await a.segmentId(1);
    await page.evaluate(
      ([keyB, keyGone, valueB, valueGone]) => {
        localStorage.setItem(keyB!, valueB!);
        localStorage.setItem(keyGone!, valueGone!);
      },
      [
        `selaras.pendingEdits.${idB}`,
        "selaras.pendingEdits.closed-tab",
        entry("Left to tab B.", seg1),
        entry("From a closed tab.", seg1),
      ],
    );
    await page.reload();
    await a.waitForRows();
    await expect.poll(() => a.target("en", 1).inputValue()).toBe("From a closed tab.");
    expect(await page.evaluate(() => localStorage.getItem("selaras.pendingEdits.closed-tab"))).toBe(
      null,
    );
    expect(
      await page.evaluate((k) => localStorage.getItem(k), `selaras.pendingEdits.${idB}`),
    ).not.toBeNull();
    // The reloaded tab kept its id (its own journal is its own after a reload).
    expect(await page.evaluate(() => sessionStorage.getItem("selaras.tabId"))).toBe(idA);
  });
});
