/** The header shared by every route: the UI language switcher. */
import type { Locator, Page } from "playwright-core";

export type UiLanguage = "en" | "vi" | "id";

export class AppHeader {
  readonly languageSelect: Locator;

  constructor(readonly page: Page) {
    this.languageSelect = page.getByTestId("ui-language");
  }

  async setLanguage(lang: UiLanguage): Promise<void> {
    await this.languageSelect.selectOption(lang);
  }

  async language(): Promise<string> {
    return this.languageSelect.inputValue();
  }
}
