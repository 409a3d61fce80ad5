/** Page object for the export dialog (opened from the grid or from "Export all"). */
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { tempDir } from "../../helpers/temp-dir.ts";

export type ExportFormat = "tmx" | "json";
export type ExportScope = "document" | "all";

export interface SavedDownload {
  /** Where the file was saved on disk. */
  path: string;
  /** The file name the app suggested (ends .tmx / .json). */
  suggestedFilename: string;
}

export class ExportDialog {
  readonly root: Locator;
  readonly format: Locator;
  readonly scope: Locator;
  readonly downloadButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("dialog").filter({ has: page.getByTestId("export-download") });
    this.format = this.root.getByTestId("export-format");
    this.scope = this.root.getByTestId("export-scope");
    this.downloadButton = this.root.getByTestId("export-download");
  }

  /** The format control may be a <select> or a radio group (or one radio per value). */
  async chooseFormat(format: ExportFormat): Promise<void> {
    const controls = await this.format.all();
    for (const control of controls) {
      const tag = await control.evaluate((el) => el.tagName.toLowerCase());
      if (tag === "select") return void (await control.selectOption(format));
      if (tag === "input") {
        if ((await control.getAttribute("value")) === format) return control.check();
        continue;
      }
      const radio = control.locator(`input[type="radio"][value="${format}"]`);
      if ((await radio.count()) > 0) return radio.check();
      const role = control.getByRole("radio", { name: new RegExp(format, "i") });
      if ((await role.count()) > 0) return role.first().check();
    }
    throw new Error(`export dialog: no "${format}" option under data-testid="export-format"`);
  }

  async chooseScope(scope: ExportScope): Promise<void> {
    await this.scope.selectOption(scope);
  }

  /** Clicks download and saves the file the browser received into a new temp directory. */
  async download(): Promise<SavedDownload> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.downloadButton.click(),
    ]);
    const failure = await download.failure();
    if (failure !== null) throw new Error(`download failed: ${failure}`);
    const suggestedFilename = download.suggestedFilename();
    const path = join(tempDir("selaras-e2e-"), suggestedFilename);
    await download.saveAs(path);
    return { path, suggestedFilename };
  }

  async exportAs(format: ExportFormat, scope?: ExportScope): Promise<SavedDownload> {
    await this.chooseFormat(format);
    if (scope !== undefined) await this.chooseScope(scope);
    return this.download();
  }
}
