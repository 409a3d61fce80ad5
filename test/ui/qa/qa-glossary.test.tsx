import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../../helpers/render-app.tsx";
import { importDocuments } from "../../../src/db/operations/import-documents.ts";
import { importGlossary } from "../../../src/db/operations/glossary.ts";

const CSV =
  "concept,id,vi,en,vi status\n" +
  "k1,tanda tangan,chữ ký,signature,preferred\n" +
  "k2,tanda tangan,chữ kí,,forbidden\n";

describe("glossary QA on the grid", () => {
  it("marks a forbidden term as typed and a glossary term left out; the glossary's change rechecks", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    await importGlossary(db, new TextEncoder().encode(CSV), "g.csv");
    const [docId] = await importDocuments(db, [
      { title: "Istilah", sourceLang: "id", text: "Ada tanda tangan.", origin: { kind: "user" } },
    ]);
    gotoDocument(docId!);
    const vi = await screen.findByTestId("target-vi-0");
    await user.click(vi);
    await user.type(vi, "Có chữ kí.");
    const marker = await screen.findByTestId("qa-marker-vi-0", {}, { timeout: 3000 });
    expect(marker).toHaveAttribute("data-severity", "error");
    expect(marker).toHaveAccessibleName(/The glossary forbids “chữ kí” in this language/);
    expect(marker).toHaveAccessibleName(/none of chữ ký/);

    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "There is a signatures list.");
    await waitFor(() => expect(screen.queryByTestId("qa-marker-en-0")).toBeNull());

    // Deleting the forbidden concept clears its finding (the checks run again).
    await db.glossary.delete(
      (await db.glossary.toArray()).find((c) => c.terms[1]?.status === "forbidden")!.id,
    );
    await waitFor(
      () => expect(screen.getByTestId("qa-marker-vi-0")).not.toHaveAccessibleName(/forbids/),
      { timeout: 3000 },
    );
  });
});
