import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../helpers/render-app.tsx";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { captureDownloads } from "../helpers/capture-downloads.ts";

afterEach(() => vi.restoreAllMocks());

describe("export dialog, XLIFF", () => {
  it("an English-source document with both languages ticked gives its Vietnamese file and says English is left out", async () => {
    const { importDocuments } = await import("../../src/db/operations/import-documents.ts");
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    const [docId] = await importDocuments(db, [
      {
        title: "Report",
        sourceLang: "en",
        text: "The river rose. Schools closed.",
        origin: { kind: "user" },
      },
    ]);
    const segs = await segmentsOf(db, docId!);
    await saveTranslation(db, {
      segmentId: segs[0]!.id,
      lang: "vi",
      text: "Nước sông dâng.",
      user: "lan",
      confirm: true,
    });
    gotoDocument(docId!);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("export-open"));
    const dialog = await screen.findByTestId("export-dialog");
    await user.selectOptions(within(dialog).getByTestId("export-format"), "xliff2");
    expect(await within(dialog).findByTestId("export-xliff-left-out")).toHaveTextContent(
      "English is the source language of what you export",
    );
    const files = captureDownloads();
    await user.click(within(dialog).getByTestId("export-download"));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^Report-.*-vi\.xlf$/);
    const xliff = await files[0]!.blob.text();
    expect(xliff).toContain('srcLang="en" trgLang="vi"');
    expect(xliff).toContain("Nước sông dâng.");
    await waitFor(() => expect(screen.queryByTestId("export-dialog")).toBeNull());

    // Only English ticked: nothing to write, said before and on trying.
    await user.click(await screen.findByTestId("export-open"));
    const again = await screen.findByTestId("export-dialog");
    await user.selectOptions(within(again).getByTestId("export-format"), "xliff12");
    await user.click(within(again).getByRole("checkbox", { name: "Vietnamese" }));
    expect(await within(again).findByTestId("export-xliff-left-out")).toHaveTextContent(
      "so there is no XLIFF file to write for it",
    );
    await user.click(within(again).getByTestId("export-download"));
    expect(await within(again).findByRole("alert")).toHaveTextContent(
      "Nothing to export in XLIFF for English",
    );
    expect(files).toHaveLength(1);
  });

  it("a TSV export of a text with half a character (a lone surrogate) is written and says where it became �", async () => {
    const { importDocuments } = await import("../../src/db/operations/import-documents.ts");
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    const [docId] = await importDocuments(db, [
      { title: "Potong", sourceLang: "id", text: "Satu. Dua.", origin: { kind: "user" } },
    ]);
    const segs = await segmentsOf(db, docId!);
    await saveTranslation(db, {
      segmentId: segs[1]!.id,
      lang: "en",
      text: "Two \ud83d.",
      user: "lan",
    });
    gotoDocument(docId!);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("export-open"));
    const dialog = await screen.findByTestId("export-dialog");
    await user.selectOptions(within(dialog).getByTestId("export-format"), "tsv");
    const files = captureDownloads();
    await user.click(within(dialog).getByTestId("export-download"));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(await within(dialog).findByTestId("export-warning")).toHaveTextContent(
      `1 text holds half of a character (from a damaged file or a cut paste), which UTF-8 cannot hold; it is written as \ufffd in the file: ${segs[1]!.id} (en)`,
    );
    expect(await files[0]!.blob.text()).toContain("Two \ufffd.");
  });
});
