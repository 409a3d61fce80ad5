/**
 * An import refused because the browser's storage is full (issue 14 item 8: "the storage-full
 * import error is a raw technical message"): the dialog says, in the UI language, that nothing was
 * imported, that the storage is full, that the documents are as they were and what to do (export
 * and delete documents, free disk space); nothing stored changes, and the import works once there
 * is room. The full storage is fake-indexeddb aborting every write with a QuotaExceededError.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { SelarasDb } from "../../../src/db/database.ts";
import { i18n } from "../../../src/i18n/index.ts";
import { fullStorage } from "../../helpers/full-storage.ts";
import { renderApp } from "../../helpers/render-app.tsx";

const MEMORY = readFileSync(resolve(process.cwd(), "test/fixtures/tm/corpus-memory.tmx"));

afterEach(async () => {
  fullStorage.free();
  await i18n.changeLanguage("en");
});

/** Every record of every table (what a refused import must leave as it was). */
async function snapshot(db: SelarasDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

const MESSAGES = {
  en: [
    "Nothing was imported: the browser’s storage for this site is full.",
    "Your documents and translations are as they were.",
    "export and then delete documents you no longer need, or free space on the disk",
  ],
  vi: [
    "Chưa nhập gì: bộ nhớ của trình duyệt dành cho trang này đã đầy.",
    "Tài liệu và bản dịch của bạn vẫn nguyên như cũ.",
    "hãy xuất rồi xóa những tài liệu không còn cần, hoặc giải phóng dung lượng ổ đĩa",
  ],
  id: [
    "Tidak ada yang diimpor: penyimpanan peramban untuk situs ini penuh.",
    "Dokumen dan terjemahan Anda tetap seperti semula.",
    "ekspor lalu hapus dokumen yang tidak diperlukan lagi, atau kosongkan ruang disk",
  ],
} as const;

describe("an import while the storage is full", () => {
  it.each(["en", "vi", "id"] as const)(
    "a pasted text: says so in %s, changes nothing, and imports once there is room",
    async (lang) => {
      const user = userEvent.setup();
      const { db } = await renderApp();
      await screen.findAllByTestId("doc-row");
      await act(() => i18n.changeLanguage(lang));
      await user.click(screen.getByTestId("add-document"));
      const dialog = await screen.findByTestId("import-dialog");
      fireEvent.change(within(dialog).getByTestId("import-text"), {
        target: { value: "Baris satu. Baris dua." },
      });
      const before = await snapshot(db);
      fullStorage.fill();
      await user.click(within(dialog).getByTestId("import-submit"));
      const alert = await within(dialog).findByRole("alert");
      for (const part of MESSAGES[lang]) expect(alert).toHaveTextContent(part);
      expect(alert).not.toHaveTextContent(/QuotaExceeded|AbortError|storage\.|\{/);
      expect(fullStorage.refused()).toBeGreaterThan(0);
      expect(await snapshot(db)).toEqual(before);

      fullStorage.free();
      await user.click(within(dialog).getByTestId("import-submit"));
      await waitFor(async () => expect(await db.documents.count()).toBe(3));
    },
  );

  it("a TMX file as documents and into the project memory: says so, changes nothing", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    await user.click(screen.getByTestId("import-tm"));
    const dialog = await screen.findByTestId("import-tm-dialog");
    const file = new File([MEMORY], "corpus-memory.tmx", { type: "application/xml" });
    await user.upload(within(dialog).getByTestId("import-tm-file"), file);
    await within(dialog).findByTestId("import-tm-plan");
    const before = await snapshot(db);
    fullStorage.fill();
    await user.click(within(dialog).getByTestId("import-tm-apply"));
    const alert = await within(dialog).findByRole("alert");
    for (const part of MESSAGES.en) expect(alert).toHaveTextContent(part);
    expect(await snapshot(db)).toEqual(before);

    await user.click(within(dialog).getByTestId("import-tm-to-memory"));
    await user.click(within(dialog).getByTestId("import-tm-apply"));
    await waitFor(() =>
      expect(within(dialog).getByRole("alert")).toHaveTextContent(MESSAGES.en[0]),
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
