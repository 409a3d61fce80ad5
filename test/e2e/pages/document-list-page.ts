/** Page object for the document list (`#/`), over the selectors of notes/ui-contract.md. */
import type { Locator, Page } from "playwright-core";
import { pollUntil } from "../lib/poll.ts";
import { AppHeader } from "./app-header.ts";
import { ExportDialog } from "./export-dialog.ts";
import { GridPage } from "./grid-page.ts";

export interface FileToUpload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export type ImportOutcome = "imported" | "error";

export interface PasteImport {
  text: string;
  title?: string;
  /** Source language code (the dialog's default is "id"). */
  lang?: string;
}

/** Opens the document list of a fresh profile and waits for the two corpus documents. */
export async function openCorpusList(page: Page, baseUrl: string): Promise<DocumentListPage> {
  const list = new DocumentListPage(page, baseUrl);
  await list.goto();
  await list.waitForDocuments(2);
  return list;
}

export class DocumentListPage {
  readonly list: Locator;
  readonly rows: Locator;
  readonly addButton: Locator;
  readonly exportAllButton: Locator;
  /** The "Add document" dialog. */
  readonly importDialog: Locator;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.list = page.getByTestId("doc-list");
    this.rows = page.getByTestId("doc-row");
    this.addButton = page.getByTestId("add-document");
    this.exportAllButton = page.getByTestId("export-all");
    this.importDialog = page.getByRole("dialog").filter({ has: page.getByTestId("import-submit") });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}#/`);
    await this.list.waitFor();
    await new AppHeader(this.page).ensureProfile();
  }

  /** Waits until the list shows `count` documents (the corpus import on first start gives 2). */
  async waitForDocuments(count: number): Promise<void> {
    await pollUntil(
      () => this.rows.count(),
      (n) => n === count,
      {
        timeout: 30_000,
        what: `${count} document rows`,
      },
    );
  }

  async titles(): Promise<string[]> {
    const rows = await this.rows.all();
    return Promise.all(rows.map(async (r) => (await r.getAttribute("data-doc-title")) ?? ""));
  }

  row(title: string): Locator {
    return this.page.locator(`[data-testid="doc-row"][data-doc-title="${cssString(title)}"]`);
  }

  async docId(title: string): Promise<string> {
    const id = await this.row(title).getAttribute("data-doc-id");
    if (id === null) throw new Error(`document row "${title}" has no data-doc-id`);
    return id;
  }

  async segmentCount(title: string): Promise<number> {
    const text = await this.row(title).getByTestId("doc-segments").innerText();
    return Number(/\d+/.exec(text.replace(/[.,\s]/g, ""))?.[0] ?? Number.NaN);
  }

  /** Progress text per target language, e.g. "3/24". */
  progress(title: string, lang: "vi" | "en"): Locator {
    return this.row(title).getByTestId(`doc-progress-${lang}`);
  }

  /** Opens a document by clicking its title link; resolves once the grid shows rows. */
  async open(title: string): Promise<GridPage> {
    await this.row(title).getByRole("link", { name: title, exact: true }).click();
    const grid = new GridPage(this.page, this.baseUrl);
    await grid.waitForRows();
    return grid;
  }

  async openAddDialog(): Promise<Locator> {
    await this.addButton.click();
    await this.importDialog.waitFor();
    return this.importDialog;
  }

  /**
   * Adds a document by pasting text into the import dialog and submitting it. Resolves with
   * "imported" once the dialog has closed (the app may then open the new document) or "error"
   * once it shows an alert.
   */
  async addFromText({ text, title, lang }: PasteImport, timeout = 30_000): Promise<ImportOutcome> {
    const dialog = await this.openAddDialog();
    await dialog.getByTestId("import-text").fill(text);
    if (title !== undefined) await dialog.getByTestId("import-title").fill(title);
    if (lang !== undefined) await dialog.getByTestId("import-lang").selectOption(lang);
    await dialog.getByTestId("import-submit").click();
    return this.importOutcome(timeout);
  }

  /** Chooses files in the import dialog and submits them; outcome as for addFromText. */
  async addFiles(files: FileToUpload[], lang?: string): Promise<ImportOutcome> {
    const dialog = await this.openAddDialog();
    if (lang !== undefined) await dialog.getByTestId("import-lang").selectOption(lang);
    await dialog.getByTestId("import-file").setInputFiles(files);
    const submit = dialog.getByTestId("import-submit");
    // Choosing files may import at once and close the dialog; submit only if it is still open.
    if ((await submit.isVisible()) && (await submit.isEnabled())) await submit.click();
    return this.importOutcome(30_000);
  }

  private async importOutcome(timeout: number): Promise<ImportOutcome> {
    const outcome = await pollUntil(
      async () => {
        if ((await this.importDialog.count()) === 0) return "imported";
        if ((await this.importDialog.getByRole("alert").count()) > 0) return "error";
        return "pending";
      },
      (state) => state !== "pending",
      { timeout, what: "the import dialog to close or show an alert" },
    );
    return outcome === "imported" ? "imported" : "error";
  }

  /**
   * Imports a Selaras JSON or TMX file through "Import TM": shows the plan, chooses the conflict
   * policy when the plan lists conflicts (merge / copy / keep), applies, and resolves with the
   * confirmation text.
   */
  async importTm(
    path: string,
    policy: "merge" | "copy" | "keep" = "merge",
  ): Promise<{ plan: string; done: string }> {
    await this.page.getByTestId("import-tm").click();
    const dialog = this.page
      .getByRole("dialog")
      .filter({ has: this.page.getByTestId("import-tm-file") });
    await dialog.waitFor();
    await dialog.getByTestId("import-tm-file").setInputFiles(path);
    const plan = dialog.getByTestId("import-tm-plan");
    await plan.waitFor();
    const radio = dialog.locator(`input[type="radio"][value="${policy}"]`);
    if ((await radio.count()) > 0) await radio.check();
    const planText = await plan.innerText();
    await dialog.getByTestId("import-tm-apply").click();
    const status = dialog.getByRole("status");
    await status.waitFor();
    const done = await status.innerText();
    await dialog
      .getByRole("button", { name: /close|đóng|tutup/i })
      .first()
      .click();
    await dialog.waitFor({ state: "detached" });
    return { plan: planText, done };
  }

  /**
   * Imports a TM file into the project's translation memory (not as documents) and returns the
   * dialog's message.
   */
  async importTmIntoMemory(path: string): Promise<string> {
    await this.page.getByTestId("import-tm").click();
    const dialog = this.page.getByTestId("import-tm-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("import-tm-file").setInputFiles(path);
    await dialog.getByTestId("import-tm-file-report").waitFor();
    await dialog.getByTestId("import-tm-to-memory").check();
    await dialog.getByTestId("import-tm-apply").click();
    const status = dialog.getByRole("status");
    await status.waitFor();
    const done = await status.innerText();
    await dialog
      .getByRole("button", { name: /close|đóng|tutup/i })
      .first()
      .click();
    await dialog.waitFor({ state: "detached" });
    return done;
  }

  alert(): Locator {
    return this.page.getByRole("alert");
  }

  async openExportAll(): Promise<ExportDialog> {
    await this.exportAllButton.click();
    const dialog = new ExportDialog(this.page);
    await dialog.root.waitFor();
    return dialog;
  }
}

/** Escapes a value for a double-quoted CSS attribute selector. */
export function cssString(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}
