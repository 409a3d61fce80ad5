import { describe, expect, it } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { openDocument, renderApp } from "../../helpers/render-app.tsx";
import { applyAlignment } from "../../../src/db/operations/cell-edits.ts";
import { readColumn } from "../../../src/db/operations/cells.ts";

describe("the grid shows alignments", () => {
  it("a 2-1 cell over two rows, a covered row, confidence, a suspicious link, and editing by keys and toolbar", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    const docId = await openDocument();
    await screen.findByTestId("target-vi-0");
    // Three source rows; the Vietnamese text has a 2-1 link over rows 1-2 and a doubtful 1-1.
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: {
        sourceCount: 3,
        targetCount: 2,
        links: [
          { source: [0, 1], target: [0], confidence: 0.9 },
          { source: [2], target: [1], confidence: 0.3 },
        ],
      },
      targetSentences: ["Chủ tịch khai mạc sự kiện kéo dài hai ngày.", "Nguồn: contoh.id."],
      user: "lan",
    });
    await waitFor(() =>
      expect(screen.getByTestId("target-vi-0")).toHaveValue(
        "Chủ tịch khai mạc sự kiện kéo dài hai ngày.",
      ),
    );
    expect(screen.getByTestId("span-vi-0")).toHaveTextContent("Rows 1–2");
    const covered = screen.getByTestId("target-vi-1");
    expect(covered).toHaveAttribute("data-covered", "true");
    expect(covered).toHaveAccessibleName(/row 2: part of the cell of row 1/);
    expect(screen.getByTestId("confidence-vi-0")).toHaveTextContent("90% sure");
    expect(screen.getByTestId("confidence-vi-2")).toHaveClass("low");
    // The overview is one tab stop; arrow keys move between its blocks.
    const blocks = within(screen.getByTestId("minimap-vi")).getAllByRole("button");
    expect(blocks.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    expect(blocks[2]).toHaveAttribute("data-kind", "low");
    act(() => blocks[0]!.focus());
    await user.keyboard("{ArrowDown}");
    expect(blocks[1]).toHaveFocus();
    expect(screen.getByTestId("target-en-0")).toHaveValue("");

    // Ctrl+Alt+N from the first row jumps to the suspicious link; Ctrl+Alt+L confirms it.
    await user.click(screen.getByTestId("target-vi-0"));
    await user.keyboard("{Control>}{Alt>}n{/Alt}{/Control}");
    await waitFor(() => expect(screen.getByTestId("target-vi-2")).toHaveFocus());
    await user.keyboard("{Control>}{Alt>}l{/Alt}{/Control}");
    await waitFor(() => expect(screen.getByTestId("locked-vi-2")).toBeInTheDocument());
    expect((await readColumn(db, docId, "vi"))[1]).toMatchObject({ locked: true });

    // The toolbar's "split at the caret" splits the two-row cell where the caret is.
    const first = screen.getByTestId("target-vi-0") as HTMLTextAreaElement;
    await user.click(first);
    first.setSelectionRange("Chủ tịch khai mạc sự kiện".length, "Chủ tịch khai mạc sự kiện".length);
    await user.click(screen.getByTestId("tool-splitCell"));
    await waitFor(() => expect(screen.getByTestId("target-vi-1")).toHaveValue("kéo dài hai ngày."));
    expect(screen.getByTestId("target-vi-0")).toHaveValue("Chủ tịch khai mạc sự kiện");
  });

  it("target text with no source shows under its row and can be edited in its own cell", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    const docId = await openDocument();
    await screen.findByTestId("target-vi-0");
    await applyAlignment(db, {
      docId,
      lang: "vi",
      plan: {
        sourceCount: 3,
        targetCount: 4,
        links: [
          { source: [0], target: [0], confidence: 0.9 },
          { source: [], target: [1], confidence: 0.4 },
          { source: [1], target: [2], confidence: 0.9 },
          { source: [2], target: [3], confidence: 0.9 },
        ],
      },
      targetSentences: ["Một.", "Thêm vào.", "Hai.", "Ba."],
      user: "lan",
    });
    const under = (await screen.findByTestId("under-vi-0")) as HTMLTextAreaElement;
    expect(under).toHaveValue("Thêm vào.");
    expect(under).toHaveAccessibleName(/no source after row 1/);
    await user.click(under);
    await user.keyboard("{End} Sửa.");
    fireEvent.blur(under);
    await waitFor(async () =>
      expect((await readColumn(db, docId, "vi"))[1]).toMatchObject({
        span: 0,
        text: "Thêm vào. Sửa.",
        status: "draft",
        confidence: null,
      }),
    );
    // The row's own cell is untouched.
    expect(screen.getByTestId("target-vi-0")).toHaveValue("Một.");
  });
});
