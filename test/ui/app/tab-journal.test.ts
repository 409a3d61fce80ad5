import { describe, expect, it } from "vitest";
import { tabJournalKey } from "../../../src/db/autosave.ts";
import { claimTabJournal, keysToReplay } from "../../../src/ui/app/tab-journal.ts";

describe("per-tab journals", () => {
  it("a closed tab's journal is replayed, an open tab's is left; the old shared key too", () => {
    const own = tabJournalKey("me");
    const keys = [own, tabJournalKey("open"), tabJournalKey("gone"), "selaras.pendingEdits", "x"];
    expect(keysToReplay(keys, own, new Set(["open"]))).toEqual([
      own,
      tabJournalKey("gone"),
      "selaras.pendingEdits",
    ]);
  });

  it("without Web Locks, one shared key as before", async () => {
    expect(await claimTabJournal(localStorage, sessionStorage, null)).toEqual({
      key: "selaras.pendingEdits",
      replay: ["selaras.pendingEdits"],
      live: [],
    });
  });
});
