import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../helpers/render-app.tsx";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { importGlossary } from "../../src/db/operations/glossary.ts";
import { insertTermKey, isAddTermKey } from "../../src/ui/glossary/glossary-keys.ts";
import { cellCommandFor } from "../../src/ui/grid/grid-keyboard.ts";
import { fullStorage } from "../helpers/full-storage.ts";

const CSV =
  "concept,id,vi,en,vi status\n" +
  "k1,tanda tangan,chữ ký,signature,preferred\n" +
  "k2,anggaran,ngân sách,budget,\n";

// Row 1 has "tanda tangan" as written and "anggaran" with -nya (an inflected form).
const TEXT = "Mereka memberi tanda tangan pada anggarannya.\nKalimat tanpa istilah.";

async function setUp() {
  const user = userEvent.setup();
  const { db } = await renderApp();
  await screen.findAllByTestId("doc-row");
  await importGlossary(db, new TextEncoder().encode(CSV), "g.csv");
  const [docId] = await importDocuments(db, [
    { title: "Istilah", sourceLang: "id", text: TEXT, origin: { kind: "user" } },
  ]);
  gotoDocument(docId!);
  await screen.findByTestId("source-1");
  return { user, db };
}

describe("glossary keys", () => {
  it("Ctrl+Alt+1…9 insert a term, Ctrl+Shift+G adds one; neither is a grid command", () => {
    const k = { ctrlKey: true, metaKey: false, shiftKey: false, altKey: true };
    expect(insertTermKey({ ...k, key: "2", code: "Digit2" })).toBe(2);
    expect(insertTermKey({ ...k, altKey: false, key: "2", code: "Digit2" })).toBeNull();
    expect(insertTermKey({ ...k, key: "²", code: "Digit2", getModifierState: () => true })).toBe(
      null,
    );
    const g = { ctrlKey: true, metaKey: false, shiftKey: true, altKey: false, key: "G" };
    expect(isAddTermKey({ ...g, code: "KeyG" })).toBe(true);
    expect(isAddTermKey({ ...g, shiftKey: false, key: "g" })).toBe(false);
    for (let d = 1; d <= 9; d++) expect(cellCommandFor({ ...k, key: String(d) })).toBeNull();
    expect(cellCommandFor(g)).toBeNull();
  });
});

describe("glossary panel", () => {
  it("lists the focused row's terms with translations, marks them, and inserts one by click and by Ctrl+Alt+n", async () => {
    const { user } = await setUp();
    const vi = screen.getByTestId("target-vi-0");
    await user.click(vi);
    const panel = await screen.findByTestId("glossary-panel");
    const first = await within(panel).findByTestId("glossary-hit-1");
    expect(first).toHaveTextContent("tanda tangan");
    expect(within(first).getByTestId("glossary-term-1-vi")).toHaveTextContent("chữ ký");
    expect(within(first).getByTestId("glossary-term-1-en")).toHaveTextContent("signature");
    const second = within(panel).getByTestId("glossary-hit-2");
    expect(second).toHaveTextContent("anggaran");
    expect(second).toHaveTextContent("anggarannya");
    const marks = within(panel).getByTestId("glossary-source").querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual(["tanda tangan", "anggarannya"]);

    await user.click(within(first).getByTestId("glossary-insert-1"));
    await waitFor(() => expect(screen.getByTestId("target-vi-0")).toHaveValue("chữ ký"));
    expect(within(panel).getByTestId("glossary-notice")).toHaveTextContent("chữ ký");

    const field = screen.getByTestId("target-vi-0") as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    fireEvent.keyDown(field, { key: "2", code: "Digit2", ctrlKey: true, altKey: true });
    await waitFor(() => expect(screen.getByTestId("target-vi-0")).toHaveValue("chữ ký ngân sách"));
  });

  it("a row with no term says so; Ctrl+Shift+G adds a term from the selection", async () => {
    const { user, db } = await setUp();
    await user.click(screen.getByTestId("target-vi-1"));
    const panel = await screen.findByTestId("glossary-panel");
    expect(await within(panel).findByTestId("glossary-none")).toHaveTextContent("2");
    fireEvent.keyDown(screen.getByTestId("target-vi-1"), {
      key: "G",
      code: "KeyG",
      ctrlKey: true,
      shiftKey: true,
    });
    const dialog = await screen.findByTestId("glossary-add-dialog");
    await user.type(within(dialog).getByTestId("glossary-add-id"), "kalimat");
    await user.type(within(dialog).getByTestId("glossary-add-vi"), "câu");
    await user.click(within(dialog).getByTestId("glossary-add-save"));
    await waitFor(async () => expect(await db.glossary.count()).toBe(3));
    expect(await within(panel).findByTestId("glossary-hit-1")).toHaveTextContent("câu");
  });

  it("a bad file leaves the glossary as it was and says why", async () => {
    const { user, db } = await setUp();
    await user.click(screen.getByTestId("target-vi-0"));
    const panel = await screen.findByTestId("glossary-panel");
    const bad = new File(["<tbx><text><body>"], "broken.tbx", { type: "application/xml" });
    await user.upload(within(panel).getByTestId("glossary-file"), bad);
    expect(await within(panel).findByRole("alert")).toHaveTextContent("broken.tbx");
    expect(await db.glossary.count()).toBe(2);
  });

  it("an import refused for lack of space says nothing was imported and how to make room", async () => {
    const { user, db } = await setUp();
    await user.click(screen.getByTestId("target-vi-0"));
    const panel = await screen.findByTestId("glossary-panel");
    const before = await db.glossary.toArray();
    fullStorage.fill();
    try {
      const csv = new File(["concept,id,vi\nk9,rapat,cuộc họp\n"], "more.csv", {
        type: "text/csv",
      });
      await user.upload(within(panel).getByTestId("glossary-file"), csv);
      const alert = await within(panel).findByRole("alert");
      expect(alert).toHaveTextContent(
        "Nothing was imported: the browser’s storage for this site is full.",
      );
      expect(alert).toHaveTextContent("export and then delete documents you no longer need");
    } finally {
      fullStorage.free();
    }
    expect(await db.glossary.toArray()).toEqual(before);
  });

  it("edits a term's translation and status, deletes a concept after asking", async () => {
    const { user, db } = await setUp();
    await user.click(screen.getByTestId("target-vi-0"));
    const panel = await screen.findByTestId("glossary-panel");
    await user.click(await within(panel).findByTestId("glossary-edit-1"));
    const dialog = await screen.findByTestId("glossary-edit-dialog");
    expect(within(dialog).getByTestId("glossary-add-vi")).toHaveValue("chữ ký");
    expect(within(dialog).getByLabelText("Status of the Vietnamese term")).toHaveValue("preferred");
    await user.clear(within(dialog).getByTestId("glossary-add-vi"));
    await user.type(within(dialog).getByTestId("glossary-add-vi"), "ký tên");
    await user.selectOptions(within(dialog).getByTestId("glossary-status-en"), "forbidden");
    await user.click(within(dialog).getByTestId("glossary-add-save"));
    await waitFor(() =>
      expect(within(panel).getByTestId("glossary-term-1-vi")).toHaveTextContent("ký tên"),
    );
    expect(within(panel).getByTestId("glossary-term-1-en")).toHaveTextContent("forbidden");
    expect(within(panel).getByTestId("glossary-notice")).toHaveTextContent("“tanda tangan” saved.");

    await user.click(within(panel).getByTestId("glossary-delete-2"));
    const ask = await screen.findByTestId("confirm-dialog");
    expect(ask).toHaveTextContent("Delete “anggaran” and its translations from the glossary?");
    await user.click(within(ask).getByRole("button", { name: "Delete" }));
    await waitFor(async () => expect(await db.glossary.count()).toBe(1));
    expect(within(panel).queryByTestId("glossary-hit-2")).toBeNull();
  });

  it("marks the glossary's terms in the grid's source cells, named for assistive technology", async () => {
    await setUp();
    const source = screen.getByTestId("source-0");
    const marks = await within(source).findAllByRole("term");
    expect(marks.map((m) => m.textContent)).toEqual(["tanda tangan", "anggarannya"]);
    expect(
      within(source).getByRole("term", { name: /^anggarannya: glossary/ }),
    ).toHaveAccessibleName(
      "anggarannya: glossary “anggaran” → ngân sách (Vietnamese), budget (English)",
    );
    // The cell's text is unchanged by the marks.
    expect(source).toHaveTextContent("Mereka memberi tanda tangan pada anggarannya.");
    expect(within(screen.getByTestId("source-1")).queryAllByRole("term")).toEqual([]);
  });
});
