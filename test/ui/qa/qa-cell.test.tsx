import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../../helpers/render-app.tsx";

const SOURCE = "Lebih dari 2.500 delegasi hadir. Acara berlangsung dua hari.";

async function open() {
  const { importDocuments } = await import("../../../src/db/operations/import-documents.ts");
  const { db } = await renderApp();
  await screen.findAllByTestId("doc-row");
  const [docId] = await importDocuments(db, [
    { title: "Delegasi", sourceLang: "id", text: SOURCE, origin: { kind: "user" } },
  ]);
  gotoDocument(docId!);
  await screen.findByTestId("target-en-0");
  return { db, docId: docId!, user: userEvent.setup() };
}

/** The marks of a cell's QA layer: [text, severity]. */
const layerMarks = (lang: string, row: number) =>
  [
    ...(screen
      .getByTestId(`target-${lang}-${row}`)
      .parentElement?.querySelectorAll("[data-qa-backdrop] mark.qa-mark") ?? []),
  ].map((m) => [m.textContent, m.getAttribute("data-severity")]);

describe("a finding's part of the text, highlighted in the cell", () => {
  it("marks the wrong number in the target and the source's number, in the severity's style", async () => {
    const { user } = await open();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    await waitFor(() => expect(layerMarks("en", 0)).toEqual([["2,600", "error"]]));
    // The layer is the field's text, transparent, over the field: hidden from assistive technology.
    const layer = en.parentElement!.querySelector("[data-qa-backdrop]")!;
    expect(layer).toHaveAttribute("aria-hidden", "true");
    expect(layer.textContent).toBe("More than 2,600 delegates came.");
    // The source's side of it, with the column and the message as its tooltip.
    const sourceMark = screen.getByTestId("source-0").querySelector("mark.qa-mark")!;
    expect(sourceMark).toHaveTextContent("2.500");
    expect(sourceMark).toHaveClass("qa-mark-error");
    expect(sourceMark).toHaveAttribute("title", expect.stringMatching(/^English: .*2\.500.*2,600/));

    // A warning elsewhere: a double space, marked where it is.
    const vi = screen.getByTestId("target-vi-1");
    await user.click(vi);
    await user.type(vi, "Sự kiện  kéo dài hai ngày.");
    await waitFor(() => expect(layerMarks("vi", 1)).toEqual([["  ", "warning"]]));

    // Fixed: no marks left.
    await user.clear(en);
    await user.type(en, "More than 2,500 delegates came.");
    await waitFor(() => expect(layerMarks("en", 0)).toEqual([]), { timeout: 3000 });
    await waitFor(() =>
      expect(
        screen.getByTestId("source-0").querySelector("mark.qa-mark")?.getAttribute("title") ?? null,
      ).toBeNull(),
    );
  });
});

describe("the marker's popup", () => {
  it("opens on hover with the messages, and with Alt+Q for the keyboard; Esc goes back to the cell", async () => {
    const { user } = await open();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    const marker = await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    expect(marker).toHaveAttribute("aria-expanded", "false");

    await user.hover(marker);
    const popup = await screen.findByTestId("qa-popup-en-0");
    expect(popup).toHaveAccessibleName("Row 1, English: QA findings");
    expect(popup).toHaveTextContent(/2\.500.*2,600/);
    expect(marker).toHaveAttribute("aria-expanded", "true");
    // Opened by the pointer, it leaves the focus where it was.
    expect(en).toHaveFocus();
    await user.unhover(marker);
    await waitFor(() => expect(screen.queryByTestId("qa-popup-en-0")).toBeNull());

    // Alt+Q in the cell: focus on the first finding's Dismiss…, Tab on to the panel's button.
    await user.click(en);
    await user.keyboard("{Alt>}q{/Alt}");
    const dismiss = await screen.findByTestId("qa-popup-dismiss-en-0");
    await waitFor(() => expect(dismiss).toHaveFocus());
    expect(dismiss).toHaveAccessibleName(/^Dismiss the finding of row 1, English: .*2,600/);
    expect(en).toHaveValue("More than 2,600 delegates came.");
    await user.tab();
    expect(screen.getByTestId("qa-popup-panel-en-0")).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("qa-popup-en-0")).toBeNull());
    expect(en).toHaveFocus();

    // The panel's button opens the QA panel.
    await user.keyboard("{Alt>}q{/Alt}");
    await user.click(await screen.findByTestId("qa-popup-panel-en-0"));
    expect(await screen.findByTestId("qa-panel")).toBeInTheDocument();
  });

  it("does not keep focus: Tab past its last control leaves it and closes it", async () => {
    const { user } = await open();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    await user.keyboard("{Alt>}q{/Alt}");
    await waitFor(() => expect(screen.getByTestId("qa-popup-dismiss-en-0")).toHaveFocus());
    await user.tab();
    await user.tab();
    await waitFor(() => expect(screen.queryByTestId("qa-popup-en-0")).toBeNull());
    expect(document.activeElement?.closest("[data-testid='qa-popup-en-0']")).toBeNull();
  });

  it("dismisses a finding with a reason right there; Esc in the reason goes back to Dismiss…", async () => {
    const { db, docId, user } = await open();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    await user.keyboard("{Alt>}q{/Alt}");
    const popup = await screen.findByTestId("qa-popup-en-0");
    const dismiss = within(popup).getByTestId("qa-popup-dismiss-en-0");
    await waitFor(() => expect(dismiss).toHaveFocus());
    await user.keyboard("{Enter}");
    const reason = within(popup).getByLabelText("Reason for dismissing");
    expect(reason).toHaveFocus();
    expect(dismiss).toHaveAttribute("aria-expanded", "true");
    // Esc cancels the reason only: the popup stays, focus back on Dismiss….
    await user.keyboard("{Escape}");
    expect(within(popup).queryByTestId("qa-dismiss-form")).toBeNull();
    expect(dismiss).toHaveFocus();
    // No reason, no dismissal.
    await user.keyboard("{Enter}");
    await user.click(within(popup).getByTestId("qa-dismiss-confirm"));
    expect(await db.qaDismissals.count()).toBe(0);
    await user.type(
      within(popup).getByLabelText("Reason for dismissing"),
      "Corrected figure{Enter}",
    );
    await waitFor(() => expect(screen.queryByTestId("qa-marker-en-0")).toBeNull());
    expect(screen.queryByTestId("qa-popup-en-0")).toBeNull();
    await waitFor(() => expect(en).toHaveFocus());
    const [stored] = await db.qaDismissals.toArray();
    expect(stored).toMatchObject({
      docId,
      lang: "en",
      code: "number.mismatch",
      reason: "Corrected figure",
    });
    // Dismissed: no highlight either.
    expect(layerMarks("en", 0)).toEqual([]);
    fireEvent.blur(en);
  });
});
