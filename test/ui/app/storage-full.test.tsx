/**
 * Storage full at start (issue 14 item 1): the app opens on the document list with a banner that
 * says the storage is full, that the documents can be read and exported, how many changes are kept
 * unsaved and how to free space; "Try again" stores them once there is space.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../../src/ui/app/app.tsx";
import { JOURNAL_KEY } from "../../../src/db/autosave.ts";
import { startApp } from "../../../src/ui/app/startup.ts";
import { saveProfile } from "../../../src/db/operations/profile.ts";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";
import { i18n } from "../../../src/i18n/index.ts";
import { freshDb } from "../../helpers/fresh-db.ts";
import { fullStorage } from "../../helpers/full-storage.ts";
import { SMALL_CORPUS } from "../../helpers/render-app.tsx";

afterEach(async () => {
  fullStorage.free();
  localStorage.clear();
  await i18n.changeLanguage("en");
});

/** A profile that used Selaras, then reloaded with one edit still in the journal and a full disk. */
async function fullWithJournal() {
  window.location.hash = "#/";
  localStorage.clear();
  const db = await freshDb();
  await startApp(db, SMALL_CORPUS, null);
  await saveProfile(db, { name: "Lan", role: "translator" });
  const doc = (await db.documents.toArray()).find((d) => d.title === "Berita Kedua")!;
  const [segment] = await segmentsOf(db, doc.id);
  const edit = {
    segmentId: segment!.id,
    lang: "vi",
    text: "Bộ trưởng phát biểu.",
    user: "Lan",
    at: "2099-01-01T00:00:00.000Z",
  };
  localStorage.setItem(JOURNAL_KEY, JSON.stringify([edit]));
  fullStorage.fill();
  return { db, translationId: `${segment!.id}:vi` };
}

describe("storage full at start", () => {
  it("lists the documents, says the storage is full and how to free it, and retries", async () => {
    const { db, translationId } = await fullWithJournal();
    render(<App db={db} corpus={SMALL_CORPUS} />);
    expect(await screen.findAllByTestId("doc-row")).toHaveLength(2);
    const banner = await screen.findByTestId("storage-full");
    expect(banner).toHaveTextContent("The browser’s storage for this site is full.");
    expect(banner).toHaveTextContent("you can still open, read and export them");
    expect(banner).toHaveTextContent("1 unsaved change is kept in this browser");
    expect(banner).toHaveTextContent("export a document you no longer need");
    expect(banner).not.toHaveTextContent("could not open");
    expect(JSON.parse(localStorage.getItem(JOURNAL_KEY)!)).toHaveLength(1);
    // Export opens, and says the unsaved change is not in the file.
    fireEvent.click(screen.getByTestId("export-all"));
    expect(await screen.findByTestId("export-unsaved")).toHaveTextContent(
      "1 change could not be saved (storage full) and is not in this file",
    );
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));

    fullStorage.free();
    fireEvent.click(screen.getByTestId("storage-retry"));
    await waitFor(() => expect(screen.queryByTestId("storage-full")).toBeNull());
    expect(await db.translations.get(translationId)).toMatchObject({
      text: "Bộ trưởng phát biểu.",
    });
    expect(localStorage.getItem(JOURNAL_KEY)).toBeNull();
  });

  it.each([
    ["vi", "đã đầy", "1 thay đổi chưa lưu"],
    ["id", "sudah penuh", "1 perubahan yang belum tersimpan"],
  ])("speaks %s", async (lang, full, unsaved) => {
    const { db } = await fullWithJournal();
    await act(() => i18n.changeLanguage(lang));
    render(<App db={db} corpus={SMALL_CORPUS} />);
    const banner = await screen.findByTestId("storage-full");
    expect(banner).toHaveTextContent(full);
    expect(banner).toHaveTextContent(unsaved);
  });

  it("an open refused for lack of space (an upgrade of the data) says so, without impossible advice", async () => {
    window.location.hash = "#/";
    const db = await freshDb();
    db.close();
    db.open = (() =>
      Promise.reject(new DOMException("full", "QuotaExceededError"))) as typeof db.open;
    render(<App db={db} corpus={SMALL_CORPUS} />);
    const banner = await screen.findByTestId("storage-open-full");
    expect(banner).toHaveTextContent("could not open its local database");
    expect(banner).toHaveTextContent("Nothing was changed");
    expect(banner).not.toHaveTextContent("delete documents");
  });
});
