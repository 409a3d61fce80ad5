import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../../helpers/render-app.tsx";

/** The corpus memory of test/fixtures/tm: 26 units, one document ("Konvensi Hanoi"). */
const MEMORY = readFileSync(resolve(process.cwd(), "test/fixtures/tm/corpus-memory.tmx"));

async function importAsDocuments() {
  const user = userEvent.setup();
  const { db } = await renderApp();
  await screen.findAllByTestId("doc-row");
  await user.click(screen.getByTestId("import-tm"));
  const dialog = await screen.findByTestId("import-tm-dialog");
  const file = new File([MEMORY], "corpus-memory.tmx", { type: "application/xml" });
  await user.upload(within(dialog).getByTestId("import-tm-file"), file);
  await within(dialog).findByTestId("import-tm-plan");
  return { user, db, dialog };
}

describe("importing a TM file as documents", () => {
  it("says how many of the file's units came in, not only how many documents", async () => {
    const { user, db, dialog } = await importAsDocuments();
    await user.click(within(dialog).getByTestId("import-tm-apply"));
    const status = await within(dialog).findByRole("status");
    expect(status).toHaveTextContent(/^Imported: 1 new document \(26 units\), 0 merged, 0 kept\.$/);
    const doc = (await db.documents.toArray()).find((d) => d.title === "Konvensi Hanoi");
    expect(await db.segments.where("docId").equals(doc!.id).count()).toBe(26);
  });

  it("a file merged into the document it came from: no new units, the merge can be undone", async () => {
    const { user, dialog } = await importAsDocuments();
    await user.click(within(dialog).getByTestId("import-tm-apply"));
    await within(dialog).findByRole("status");
    const changed = MEMORY.toString("utf8").replace("sẽ có bài phát biểu chính", "sẽ phát biểu");
    expect(changed).not.toBe(MEMORY.toString("utf8"));
    const file = new File([changed], "corpus-memory.tmx", { type: "application/xml" });
    await user.upload(within(dialog).getByTestId("import-tm-file"), file);
    await within(dialog).findByTestId("import-tm-plan");
    await user.click(within(dialog).getByTestId("import-tm-apply"));
    expect(await within(dialog).findByRole("status")).toHaveTextContent(
      /^Imported: 0 new documents, 1 merged, 0 kept\. Undo \(Ctrl\+Z in the document\) reverts a merge\./,
    );
  });
});

describe("a file past a document's limits", () => {
  it("is refused as documents with the reason, and can still go into the project memory", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    const documents = await db.documents.count();
    await user.click(screen.getByTestId("import-tm"));
    const dialog = await screen.findByTestId("import-tm-dialog");
    const long = `${"kata ".repeat(13_200).trim()}.`;
    const tsv = `id\tvi\nSatu kalimat.\tMột câu.\n${long}\tDài.\n`;
    const file = new File([tsv], "panjang.tsv", { type: "text/tab-separated-values" });
    await user.upload(within(dialog).getByTestId("import-tm-file"), file);
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent(
      /“panjang”: segment 2 has 66,000 characters; a segment holds at most 65,536\. .*Nothing was imported\./,
    );
    expect(within(dialog).getByTestId("import-tm-apply")).toBeDisabled();
    await user.click(within(dialog).getByTestId("import-tm-to-memory"));
    expect(within(dialog).queryByRole("alert")).toBeNull();
    await user.click(within(dialog).getByTestId("import-tm-apply"));
    expect(await within(dialog).findByRole("status")).toHaveTextContent(
      "Added 2 units to the project's translation memory (0 were there already).",
    );
    expect(await db.memory.count()).toBe(2);
    expect(await db.documents.count()).toBe(documents);
  });
});
