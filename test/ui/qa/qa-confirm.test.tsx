import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../../helpers/render-app.tsx";
import { saveProfile } from "../../../src/db/operations/profile.ts";
import { saveQaSettings } from "../../../src/db/operations/qa-settings.ts";
import { saveTranslation } from "../../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";

const SOURCE = "Lebih dari 2.500 delegasi hadir. Acara berlangsung dua hari.";

async function open(role: "translator" | "reviewer" = "translator") {
  const { importDocuments } = await import("../../../src/db/operations/import-documents.ts");
  const { db } = await renderApp();
  await screen.findAllByTestId("doc-row");
  await saveProfile(db, { name: role === "reviewer" ? "Rina" : "Lan", role });
  const [docId] = await importDocuments(db, [
    { title: "Delegasi", sourceLang: "id", text: SOURCE, origin: { kind: "user" } },
  ]);
  const segs = await segmentsOf(db, docId!);
  gotoDocument(docId!);
  await screen.findByTestId("target-en-0");
  return { db, segs };
}

const status = (lang: string, row: number) =>
  screen.getByTestId(`status-${lang}-${row}`).getAttribute("data-status");

describe("confirming with a QA error", () => {
  it("asks once: Fix goes back to the cell, Confirm anyway confirms and moves on", async () => {
    const user = userEvent.setup();
    await open();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    // Confirmed right after typing: the typed text is checked at once.
    await user.type(en, "More than 2,600 delegates came.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    const dialog = await screen.findByTestId("qa-confirm-dialog");
    expect(within(dialog).getByTestId("qa-confirm-message")).toHaveTextContent(
      /^Row 1 \(English\) has a QA error: .*2\.500.*2,600/,
    );
    expect(within(dialog).getByTestId("qa-confirm-fix")).toHaveFocus();
    await user.click(within(dialog).getByTestId("qa-confirm-fix"));
    await waitFor(() => expect(screen.queryByTestId("qa-confirm-dialog")).toBeNull());
    await waitFor(() => expect(screen.getByTestId("target-en-0")).toHaveFocus());
    expect(status("en", 0)).not.toBe("translated");

    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.click(await screen.findByTestId("qa-confirm-anyway"));
    await waitFor(() => expect(status("en", 0)).toBe("translated"));
    await waitFor(() => expect(screen.getByTestId("target-en-1")).toHaveFocus());
    // A text without errors is confirmed without a question.
    await user.click(screen.getByTestId("target-vi-1"));
    await user.type(screen.getByTestId("target-vi-1"), "Sự kiện kéo dài hai ngày.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(status("vi", 1)).toBe("translated"));
    expect(screen.queryByTestId("qa-confirm-dialog")).toBeNull();
  });

  it("does not ask when the setting is off", async () => {
    const user = userEvent.setup();
    const { db } = await open();
    await saveQaSettings(db, { disabled: [], severity: {}, askOnConfirm: false });
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(status("en", 0)).toBe("translated"));
    expect(screen.queryByTestId("qa-confirm-dialog")).toBeNull();
  });

  it("shows a reviewer the cell's findings beside Approve, and Approve asks once", async () => {
    const user = userEvent.setup();
    const { db, segs } = await open("reviewer");
    await saveTranslation(db, {
      segmentId: segs[0]!.id,
      lang: "en",
      text: "More than 2,600 delegates came.",
      user: "lan",
      confirm: true,
    });
    const note = await screen.findByTestId("qa-review-en-0", {}, { timeout: 3000 });
    expect(note).toHaveAccessibleName(/^Before approving: 1 QA finding: .*2\.500.*2,600/);
    expect(note.closest(".review-actions")).toContainElement(screen.getByTestId("approve-en-0"));
    fireEvent.click(screen.getByTestId("approve-en-0"));
    const dialog = await screen.findByTestId("qa-confirm-dialog");
    expect(dialog).toHaveAccessibleName("Approve with a QA error?");
    expect(within(dialog).getByTestId("qa-confirm-message")).toHaveTextContent(
      /^Row 1 \(English\) has a QA error: .*2\.500.*2,600/,
    );
    const back = within(dialog).getByTestId("qa-confirm-fix");
    expect(back).toHaveTextContent("Back to the cell");
    expect(back).toHaveFocus();
    await user.click(back);
    await waitFor(() => expect(screen.queryByTestId("qa-confirm-dialog")).toBeNull());
    await waitFor(() => expect(screen.getByTestId("target-en-0")).toHaveFocus());
    expect(status("en", 0)).toBe("translated");

    // Ctrl+Enter (a reviewer's approve) asks the same; Approve anyway approves and moves on.
    await user.keyboard("{Control>}{Enter}{/Control}");
    const anyway = await screen.findByTestId("qa-confirm-anyway");
    expect(anyway).toHaveTextContent("Approve anyway");
    await user.click(anyway);
    await waitFor(() => expect(status("en", 0)).toBe("approved"));
    await waitFor(() => expect(screen.getByTestId("target-en-1")).toHaveFocus());
  });

  it("Approve all shown says how many of the targets still have QA errors", async () => {
    const user = userEvent.setup();
    const { db, segs } = await open("reviewer");
    await saveTranslation(db, {
      segmentId: segs[0]!.id,
      lang: "en",
      text: "More than 2,600 delegates came.",
      user: "lan",
      confirm: true,
    });
    await saveTranslation(db, {
      segmentId: segs[1]!.id,
      lang: "en",
      text: "The event lasts two days.",
      user: "lan",
      confirm: true,
    });
    await screen.findByTestId("qa-review-en-0", {}, { timeout: 3000 });
    await user.click(screen.getByTestId("approve-visible"));
    const message = await screen.findByTestId("confirm-message");
    expect(message).toHaveTextContent(
      "Approve 2 target(s) in the segments shown? You can undo this. 1 of them still has a QA error (see the QA panel).",
    );
    await user.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(status("en", 0)).toBe("approved"));
    expect(status("en", 1)).toBe("approved");
  });

  it("does not ask a reviewer when the setting is off", async () => {
    const { db, segs } = await open("reviewer");
    await saveQaSettings(db, { disabled: [], severity: {}, askOnConfirm: false });
    await saveTranslation(db, {
      segmentId: segs[0]!.id,
      lang: "en",
      text: "More than 2,600 delegates came.",
      user: "lan",
      confirm: true,
    });
    await screen.findByTestId("qa-review-en-0", {}, { timeout: 3000 });
    fireEvent.click(screen.getByTestId("approve-en-0"));
    await waitFor(() => expect(status("en", 0)).toBe("approved"));
    expect(screen.queryByTestId("qa-confirm-dialog")).toBeNull();
  });
});
