/** Page object for the grid of one document (`#/doc/<id>`), virtualized. */
import type { Locator, Page } from "playwright-core";
import { pollUntil } from "../lib/poll.ts";
import { AppHeader } from "./app-header.ts";
import { ExportDialog } from "./export-dialog.ts";

export type TargetLang = "vi" | "en";
export type SaveState = "saved" | "saving" | "error";

export class GridPage {
  readonly root: Locator;
  readonly grid: Locator;
  /** Segment rows currently in the DOM (the header row has no data-segment-id). */
  readonly segmentRows: Locator;
  readonly saveState: Locator;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.root = page.getByTestId("grid-page");
    this.grid = this.root.getByRole("grid");
    this.segmentRows = this.grid.locator('[role="row"][data-segment-id]');
    this.saveState = page.getByTestId("save-state");
  }

  async goto(docId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}#/doc/${encodeURIComponent(docId)}`);
    await new AppHeader(this.page).ensureProfile();
    await this.waitForRows();
  }

  /**
   * Waits until the grid shows segment rows: the first one, or wherever the grid reopened the
   * document (the position of the last visit is restored).
   */
  async waitForRows(): Promise<void> {
    await this.root.waitFor();
    await this.segmentRows.first().locator('[data-testid^="source-"]').waitFor({ timeout: 20_000 });
  }

  /** aria-rowcount of the grid (header row + one per segment). */
  async ariaRowCount(): Promise<number> {
    return Number(await this.grid.getAttribute("aria-rowcount"));
  }

  async segmentCount(): Promise<number> {
    return (await this.ariaRowCount()) - 1;
  }

  /** The row of segment k (0-based): aria-rowindex k + 2. */
  row(k: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${k + 2}"]`);
  }

  /** The stable segment id of row k (its data-segment-id). */
  async segmentId(k: number): Promise<string> {
    const id = await this.row(k).getAttribute("data-segment-id");
    if (id === null || id === "") throw new Error(`row ${k} has no data-segment-id`);
    return id;
  }

  source(k: number): Locator {
    return this.root.getByTestId(`source-${k}`);
  }

  target(lang: TargetLang, k: number): Locator {
    return this.root.getByTestId(`target-${lang}-${k}`);
  }

  status(lang: TargetLang, k: number): Locator {
    return this.root.getByTestId(`status-${lang}-${k}`);
  }

  async statusOf(lang: TargetLang, k: number): Promise<string | null> {
    return this.status(lang, k).getAttribute("data-status");
  }

  /** Focuses the target cell and types `text` with the keyboard, key by key. */
  async typeInto(lang: TargetLang, k: number, text: string): Promise<void> {
    const cell = this.target(lang, k);
    await this.scrollToRow(lang, k);
    await cell.click();
    await pollUntil(
      () => cell.evaluate((el) => el === document.activeElement),
      (focused) => focused,
      { what: `focus in target-${lang}-${k}` },
    );
    await this.page.keyboard.type(text);
  }

  /**
   * The grid is virtual: a row far from the view is not in the page. Scrolls (as a user would,
   * a screen at a time from the nearest rendered row) until row k's cell is rendered.
   */
  async scrollToRow(lang: TargetLang, k: number): Promise<void> {
    const cell = this.target(lang, k);
    for (let step = 0; step < 200 && (await cell.count()) === 0; step++) {
      await this.root.evaluate(
        (root, [l, wanted]) => {
          const cells = [...root.querySelectorAll(`[data-testid^="target-${l}-"]`)];
          const rows = cells.map((c) => Number(c.getAttribute("data-testid")!.split("-").pop()));
          if (rows.length === 0) return;
          const nearest =
            wanted > Math.max(...rows)
              ? cells[rows.indexOf(Math.max(...rows))]
              : cells[rows.indexOf(Math.min(...rows))];
          nearest!.scrollIntoView({ block: wanted > Math.max(...rows) ? "start" : "end" });
        },
        [lang, k] as const,
      );
      await this.page.waitForTimeout(50);
    }
  }

  async saveStateValue(): Promise<string | null> {
    return this.saveState.getAttribute("data-state");
  }

  async waitForSaved(): Promise<void> {
    await pollUntil(
      () => this.saveStateValue(),
      (s) => s === "saved",
      {
        what: 'save-state "saved"',
      },
    );
  }

  async openExport(): Promise<ExportDialog> {
    await this.root.getByTestId("export-open").click();
    const dialog = new ExportDialog(this.page);
    await dialog.root.waitFor();
    return dialog;
  }

  async backToList(): Promise<void> {
    await this.page.getByTestId("back-to-list").click();
  }
}
