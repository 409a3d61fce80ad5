import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { openDocument, renderApp } from "../helpers/render-app.tsx";
import { importIntoMemory } from "../../src/db/operations/project-memory.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import type { Bundle } from "../../src/core/model/bundle.ts";

/** One exact unit (row 2 of "Berita Pertama") and one fuzzy for row 1 (4 of 5 tokens: 80 %). */
const memory: Bundle = {
  documents: [
    {
      id: "tm",
      title: "TM",
      sourceLang: "id",
      segments: [
        {
          id: "u1",
          paragraph: 0,
          source: "Presiden membuka acara itu.",
          targets: { vi: { text: "Tổng thống khai mạc sự kiện đó.", status: "approved" } },
        },
        {
          id: "u2",
          paragraph: 0,
          source: "Acara berlangsung dua hari.",
          targets: { vi: { text: "Sự kiện kéo dài hai ngày.", status: "approved" } },
        },
      ],
    },
  ],
};

describe("pre-translate from the memory with a fuzzy threshold", () => {
  it("plans exact and fuzzy fills, 100 % is exact only, applies as drafts with a notice", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await importIntoMemory(db, memory, "tm.tmx");
    const docId = await openDocument();
    await user.click(screen.getByTestId("import-into-doc"));
    const dialog = await screen.findByTestId("import-into-doc-dialog");
    await user.click(within(dialog).getByTestId("import-into-doc-from-memory"));
    const threshold = within(dialog).getByLabelText("Fuzzy matches from (%)");
    expect(threshold).toHaveValue(75);
    expect(await within(dialog).findByTestId("import-into-doc-fuzzy")).toHaveTextContent(
      "1 more empty target gets its best fuzzy match (≥ 75 %) as a draft.",
    );

    await user.clear(threshold);
    await user.type(threshold, "100");
    await within(dialog).findByTestId("import-into-doc-plan");
    expect(within(dialog).queryByTestId("import-into-doc-fuzzy")).toBeNull();
    await user.clear(threshold);
    await user.type(threshold, "80");
    expect(await within(dialog).findByTestId("import-into-doc-fuzzy")).toHaveTextContent(
      "(≥ 80 %)",
    );

    await user.click(within(dialog).getByTestId("import-into-doc-apply"));
    expect(await screen.findByTestId("grid-notice")).toHaveTextContent(
      "Pre-translated from the memory: 1 target from an exact match, 1 fuzzy draft (≥ 80 %); 4 empty targets have no match. Ctrl+Z undoes it in one step.",
    );
    expect(screen.queryByTestId("import-into-doc-dialog")).toBeNull();
    const segs = await segmentsOf(db, docId);
    expect(await db.translations.get(`${segs[0]!.id}:vi`)).toMatchObject({
      text: "Tổng thống khai mạc sự kiện đó.",
      status: "draft",
      tmScore: 80,
    });
  });
});
