import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, openDocument, renderApp } from "../../helpers/render-app.tsx";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";

describe("grid", () => {
  it("shows one row per source sentence with paragraph marks, and saves typed text as Draft", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    const docId = await openDocument();
    const grid = await screen.findByRole("grid");
    expect(grid).toHaveAttribute("aria-rowcount", "4");
    expect(await screen.findByTestId("source-0")).toHaveTextContent("Presiden membuka acara.");
    expect(screen.getByTestId("source-2")).toHaveTextContent("Sumber: https://contoh.id/a.html");
    const rows = screen.getAllByRole("row").filter((r) => r.hasAttribute("data-segment-id"));
    expect(rows.map((r) => r.dataset.paragraph)).toEqual(["0", "0", "1"]);

    const vi = screen.getByTestId("target-vi-0");
    await user.click(vi);
    await user.type(vi, "Chủ tịch khai mạc sự kiện.");
    fireEvent.blur(vi);
    const segs = await segmentsOf(db, docId);
    await waitFor(async () =>
      expect(await db.translations.get(`${segs[0]!.id}:vi`)).toMatchObject({
        text: "Chủ tịch khai mạc sự kiện.",
        status: "draft",
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId("status-vi-0")).toHaveAttribute("data-status", "draft"),
    );
    expect(screen.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  });

  it("Ctrl+Enter confirms and moves to the next row; Ctrl+I copies the source", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    const docId = await openDocument();
    const en = await screen.findByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "The President opens the event.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    const segs = await segmentsOf(db, docId);
    await waitFor(async () =>
      expect(await db.translations.get(`${segs[0]!.id}:en`)).toMatchObject({
        status: "translated",
      }),
    );
    await waitFor(() => expect(screen.getByTestId("target-en-1")).toHaveFocus());
    await user.keyboard("{Control>}i{/Control}");
    expect(screen.getByTestId("target-en-1")).toHaveValue("Acara berlangsung dua hari.");
    expect((await db.documents.get(docId))?.segmentCount).toBe(3);
  });
});

describe("grid columns follow the source language", () => {
  it("an English source document has no English target column; Tab stays in Vietnamese", async () => {
    const { importDocuments } = await import("../../../src/db/operations/import-documents.ts");
    const user = userEvent.setup();
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    const [docId] = await importDocuments(db, [
      {
        title: "English",
        sourceLang: "en",
        text: "One here. Two there.",
        origin: { kind: "user" },
      },
    ]);
    gotoDocument(docId!);
    const vi0 = await screen.findByTestId("target-vi-0");
    expect(screen.queryByTestId("target-en-0")).toBeNull();
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "#",
      "Source (English)",
      "Vietnamese",
    ]);
    await user.click(vi0);
    await user.keyboard("{Tab}");
    await waitFor(() => expect(screen.getByTestId("target-vi-1")).toHaveFocus());
  });
});
