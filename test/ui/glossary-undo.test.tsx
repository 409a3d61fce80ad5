/**
 * The glossary panel's changes are the app's undo steps (issue 15): Ctrl+Z right after adding a
 * term (the focus is back in the cell) or with the focus in the panel takes the change back, a
 * delete is restored exactly, Ctrl+Y redoes; a concept another member changed at the same time
 * shows their version, and one can be kept.
 */
import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../helpers/render-app.tsx";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { importGlossary } from "../../src/db/operations/glossary.ts";
import type { GlossaryConcept } from "../../src/core/glossary/model.ts";

const CSV = "concept,id,vi,en\nk1,tanda tangan,chữ ký,signature\nk2,anggaran,ngân sách,budget\n";
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

describe("glossary undo", () => {
  it("Ctrl+Z right after adding a term (focus back in the cell) removes it; Ctrl+Y brings it back", async () => {
    const { user, db } = await setUp();
    await user.click(screen.getByTestId("target-vi-1"));
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
    const added = (await db.glossary.toArray()).find((c) => c.terms[0]!.text === "kalimat")!;
    await waitFor(() => expect(screen.getByTestId("target-vi-1")).toHaveFocus());
    expect(screen.getByTestId("undo")).toHaveAttribute("title", "Undo: glossary term added");

    await user.keyboard("{Control>}z{/Control}");
    await waitFor(async () => expect(await db.glossary.count()).toBe(2));
    expect(await db.glossary.get(added.id)).toBeUndefined();
    await user.keyboard("{Control>}y{/Control}");
    await waitFor(async () => expect(await db.glossary.get(added.id)).toEqual(added));
  });

  it("a deleted concept is restored exactly by Ctrl+Z with the focus in the panel", async () => {
    const { user, db } = await setUp();
    const rich: GlossaryConcept = {
      ...(await db.glossary.get("k2"))!,
      subject: "keuangan",
      note: "APBN",
    };
    rich.terms = [{ ...rich.terms[0]!, variants: ["anggaran-anggaran"] }, ...rich.terms.slice(1)];
    await db.glossary.put(rich);
    await user.click(screen.getByTestId("target-vi-0"));
    const panel = await screen.findByTestId("glossary-panel");
    await user.click(await within(panel).findByTestId("glossary-delete-2"));
    const ask = await screen.findByTestId("confirm-dialog");
    expect(ask).toHaveTextContent("Undo (Ctrl+Z) brings it back.");
    await user.click(within(ask).getByRole("button", { name: "Delete" }));
    await waitFor(async () => expect(await db.glossary.get("k2")).toBeUndefined());

    const button = within(panel).getByTestId("glossary-add");
    button.focus();
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(async () => expect(await db.glossary.get("k2")).toEqual(rich));
    expect(within(panel).getByTestId("glossary-notice")).toHaveTextContent(
      "Undone: glossary term deleted.",
    );
    expect(await within(panel).findByTestId("glossary-hit-2")).toHaveTextContent("anggaran");
    // Redo (Ctrl+Shift+Z) deletes it again.
    within(panel).getByTestId("glossary-add").focus();
    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    await waitFor(async () => expect(await db.glossary.get("k2")).toBeUndefined());
  });

  it("a concept changed by another member at the same time shows their version; one is kept", async () => {
    const { user, db } = await setUp();
    const current = (await db.glossary.get("k1"))!;
    const theirs = { ...current, terms: [current.terms[0]!, { lang: "vi", text: "chữ kí" }] };
    await db.glossary.put({
      ...current,
      competing: [{ concept: theirs, by: "Rina", at: "2026-03-01T10:00:00.000Z", source: "sync" }],
    });
    await user.click(screen.getByTestId("target-vi-0"));
    const panel = await screen.findByTestId("glossary-panel");
    expect(await within(panel).findByTestId("glossary-conflicts")).toHaveTextContent(
      "1 glossary concept was changed by two people at once",
    );
    const conflict = await within(panel).findByTestId("glossary-conflict-1");
    expect(conflict).toHaveAccessibleName("Another version of “tanda tangan”");
    expect(within(conflict).getByTestId("glossary-version-1-1")).toHaveTextContent(
      "Changed at the same time by Rina",
    );
    expect(within(conflict).getByTestId("glossary-version-1-1")).toHaveTextContent("chữ kí");
    await user.click(within(conflict).getByTestId("glossary-use-1-1"));
    await waitFor(async () => expect(await db.glossary.get("k1")).toEqual(theirs));
    expect(within(panel).queryByTestId("glossary-conflict-1")).toBeNull();
    expect(within(panel).queryByTestId("glossary-conflicts")).toBeNull();
    expect(within(panel).getByTestId("glossary-term-1-vi")).toHaveTextContent("chữ kí");
  });

  it("a viewer of the document's team project reads the glossary but is offered no change", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    await importGlossary(db, new TextEncoder().encode(CSV), "g.csv");
    const [docId] = await importDocuments(db, [
      { title: "Istilah", sourceLang: "id", text: TEXT, origin: { kind: "user" } },
    ]);
    await db.syncState.add({
      projectId: "p1",
      name: "Tim",
      role: "viewer",
      langs: null,
      cursor: 0,
      lastMutationId: 0,
      nextMutationId: 1,
    });
    await db.documents.update(docId!, { projectId: "p1" });
    gotoDocument(docId!);
    await screen.findByTestId("source-1");
    await user.click(screen.getByTestId("target-vi-0"));
    const panel = await screen.findByTestId("glossary-panel");
    expect(await within(panel).findByTestId("glossary-hit-1")).toHaveTextContent("chữ ký");
    await waitFor(() => expect(within(panel).queryByTestId("glossary-add")).toBeNull());
    expect(within(panel).queryByTestId("glossary-import")).toBeNull();
    expect(within(panel).queryByTestId("glossary-edit-1")).toBeNull();
    expect(within(panel).queryByTestId("glossary-delete-1")).toBeNull();
    fireEvent.keyDown(screen.getByTestId("target-vi-0"), {
      key: "G",
      code: "KeyG",
      ctrlKey: true,
      shiftKey: true,
    });
    // (A dialog the key opened would be there after a render.)
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByTestId("glossary-add-dialog")).toBeNull();
    expect(within(panel).getByTestId("glossary-export")).toBeEnabled();
  });
});
