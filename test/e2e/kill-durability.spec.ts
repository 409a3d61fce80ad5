/**
 * A browser killed right after a keystroke (issue 14 item 4): SIGKILL of every Chromium process
 * 50 ms after typing (or after Ctrl+Enter), start again on the same profile: the text is in its
 * cell, the confirm kept. Before, a kill within ~50 ms lost it (the journal was localStorage, which
 * Chromium writes to disk lazily, and IndexedDB got the text only after the debounced save); now
 * each keystroke goes to IndexedDB at once. `npm run bench -- kill` measures the window.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { killTrial, prepareProfile } from "./lib/kill-trial.ts";
import { describe, expect, test } from "./setup.ts";

describe("a killed browser", () => {
  test("keeps a word typed, and a confirm, 50 ms before the kill", async ({ baseUrl }) => {
    const profile = mkdtempSync(join(tmpdir(), "selaras-kill-e2e-"));
    try {
      const docUrl = await prepareProfile(profile, baseUrl);
      const kept: string[] = [];
      const trials = [false, true, false, true];
      for (const [k, confirm] of trials.entries()) {
        const word = `kill${k}${confirm ? "c" : "t"}`;
        if (await killTrial(profile, docUrl, k, word, 50, confirm)) kept.push(word);
      }
      expect(kept).toEqual(["kill0t", "kill1c", "kill2t", "kill3c"]);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});
