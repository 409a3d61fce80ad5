import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../../helpers/render-app.tsx";

const SOURCE = "Lebih dari 2.500 delegasi hadir. Acara berlangsung dua hari.";

async function openWithWrongNumber() {
  const { importDocuments } = await import("../../../src/db/operations/import-documents.ts");
  const { db } = await renderApp();
  await screen.findAllByTestId("doc-row");
  const [docId] = await importDocuments(db, [
    { title: "Delegasi", sourceLang: "id", text: SOURCE, origin: { kind: "user" } },
  ]);
  gotoDocument(docId!);
  const user = userEvent.setup();
  const en = await screen.findByTestId("target-en-0");
  await user.click(en);
  await user.type(en, "More than 2,600 delegates came.");
  fireEvent.blur(en);
  await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
  await user.click(screen.getByTestId("qa-open"));
  const panel = await screen.findByTestId("qa-panel");
  await within(panel).findByTestId("qa-item-en-0", {}, { timeout: 3000 });
  return { db, docId: docId!, user, panel };
}

describe("dismissing QA findings", () => {
  it("asks for a reason, hides the finding, shows it as dismissed on request, and undoes", async () => {
    const { db, docId, user, panel } = await openWithWrongNumber();
    await user.click(within(panel).getByTestId("qa-dismiss-en-0"));
    const form = within(panel).getByTestId("qa-dismiss-form");
    const reason = within(form).getByLabelText("Reason for dismissing");
    expect(reason).toHaveFocus();
    // No reason, no dismissal.
    await user.click(within(form).getByTestId("qa-dismiss-confirm"));
    expect(await db.qaDismissals.count()).toBe(0);
    await user.type(reason, "The organisers' corrected figure{Enter}");
    await waitFor(() => expect(screen.queryByTestId("qa-marker-en-0")).toBeNull());
    expect(within(panel).queryByTestId("qa-item-en-0")).toBeNull();
    expect(screen.getByTestId("qa-open")).toHaveAccessibleName("Quality checks: 0 findings");
    const [stored] = await db.qaDismissals.toArray();
    expect(stored).toMatchObject({
      docId,
      lang: "en",
      code: "number.mismatch",
      reason: "The organisers' corrected figure",
    });

    // Shown on request: in the panel with who and why, and on the cell as dismissed.
    const toggle = within(panel).getByTestId("qa-show-dismissed");
    expect(toggle.closest("label")).toHaveTextContent("Show dismissed 1");
    await user.click(toggle);
    const item = await within(panel).findByTestId("qa-item-en-0");
    expect(item).toHaveAttribute("data-dismissed", "true");
    expect(item).toHaveTextContent(/Dismissed by .*: The organisers' corrected figure/);
    const marker = await screen.findByTestId("qa-marker-en-0");
    expect(marker).toHaveAttribute("data-dismissed", "true");
    expect(marker).toHaveAccessibleName(/^1 dismissed QA finding: .*dismissed: The organisers'/);
    await user.click(toggle);
    await waitFor(() => expect(screen.queryByTestId("qa-marker-en-0")).toBeNull());

    // One undo step: Ctrl+Z in the grid brings the finding back.
    await user.click(screen.getByTestId("target-vi-1"));
    await user.keyboard("{Control>}z{/Control}");
    await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    expect(await db.qaDismissals.count()).toBe(0);
  });

  it("restores a dismissed finding from the panel", async () => {
    const { db, user, panel } = await openWithWrongNumber();
    await user.click(within(panel).getByTestId("qa-dismiss-en-0"));
    await user.type(within(panel).getByTestId("qa-dismiss-reason"), "checked");
    await user.click(within(panel).getByTestId("qa-dismiss-confirm"));
    await waitFor(() => expect(within(panel).queryByTestId("qa-item-en-0")).toBeNull());
    await user.click(within(panel).getByTestId("qa-show-dismissed"));
    await user.click(await within(panel).findByTestId("qa-restore-en-0"));
    await waitFor(() =>
      expect(within(panel).getByTestId("qa-item-en-0")).not.toHaveAttribute("data-dismissed"),
    );
    expect(await db.qaDismissals.count()).toBe(0);
    // Esc in the reason field cancels without closing the panel.
    await user.click(within(panel).getByTestId("qa-dismiss-en-0"));
    await user.keyboard("{Escape}");
    expect(within(panel).queryByTestId("qa-dismiss-form")).toBeNull();
    expect(screen.getByTestId("qa-panel")).toBeInTheDocument();
  });
});
