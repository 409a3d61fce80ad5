/** The header shared by every route: UI language switcher and the translator's profile. */
import type { Locator, Page } from "playwright-core";
import { pollUntil } from "../lib/poll.ts";

export type UiLanguage = "en" | "vi" | "id";

export const defaultProfileName = "Uji Coba";

export class AppHeader {
  readonly languageSelect: Locator;
  readonly profileButton: Locator;
  readonly profileDialog: Locator;

  constructor(readonly page: Page) {
    this.languageSelect = page.getByTestId("ui-language");
    this.profileButton = page.getByTestId("profile-open");
    this.profileDialog = page.getByTestId("profile-dialog");
  }

  async setLanguage(lang: UiLanguage): Promise<void> {
    await this.languageSelect.selectOption(lang);
  }

  async language(): Promise<string> {
    return this.languageSelect.inputValue();
  }

  /**
   * On first start the app asks for the translator's name and role in a modal dialog; fills it in
   * (translator) when it is shown. Resolves once the header shows the profile.
   */
  async ensureProfile(name = defaultProfileName): Promise<void> {
    const state = await pollUntil(
      async () => {
        if ((await this.profileDialog.count()) > 0) return "asked";
        if ((await this.profileButton.count()) > 0) return "known";
        return "loading";
      },
      (s) => s !== "loading",
      { timeout: 20_000, what: "the profile button or the first-start profile dialog" },
    );
    if (state === "known") return;
    await this.profileDialog.getByTestId("profile-name").fill(name);
    await this.profileDialog.getByTestId("profile-role-translator").check();
    await this.profileDialog.getByTestId("profile-save").click();
    await this.profileDialog.waitFor({ state: "detached" });
    await this.profileButton.waitFor();
  }
}
