import { describe, expect, it } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { openDocument, renderApp } from "../../helpers/render-app.tsx";
import { saveProfile } from "../../../src/db/operations/profile.ts";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";
import { saveTranslation } from "../../../src/db/operations/save-translation.ts";

describe("profile", () => {
  it("is asked once on first start and stamps changes", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    const dialog = await screen.findByTestId("profile-dialog");
    await user.type(within(dialog).getByTestId("profile-name"), "  Lan   Nguyễn ");
    // No role is chosen for the user: saving without one says so and keeps the dialog.
    await user.click(within(dialog).getByTestId("profile-save"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(/choose a role/i);
    await user.click(within(dialog).getByTestId("profile-role-translator"));
    await user.click(within(dialog).getByTestId("profile-save"));
    await waitFor(() => expect(screen.queryByTestId("profile-dialog")).toBeNull());
    expect(screen.getByTestId("profile-open")).toHaveTextContent("Lan Nguyễn · Translator");
    const docId = await openDocument();
    const vi = screen.getByTestId("target-vi-0");
    await user.type(vi, "Chủ tịch.");
    fireEvent.blur(vi);
    const [seg] = await segmentsOf(db, docId);
    await waitFor(async () =>
      expect(await db.translations.get(`${seg!.id}:vi`)).toMatchObject({ changedBy: "Lan Nguyễn" }),
    );
  });
});

describe("reviewer mode", () => {
  it("approves with Ctrl+Enter, rejects with a required comment, undo restores, filters narrow the rows", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await saveProfile(db, { name: "Rina", role: "reviewer" });
    const docId = await openDocument();
    const segs = await segmentsOf(db, docId);
    for (const s of segs)
      await saveTranslation(db, {
        segmentId: s.id,
        lang: "vi",
        text: `VI ${s.source}`,
        user: "lan",
        confirm: true,
      });
    await waitFor(() =>
      expect(screen.getByTestId("status-vi-2")).toHaveAttribute("data-status", "translated"),
    );

    // Approve segment 1 from the keyboard.
    await user.click(screen.getByTestId("target-vi-0"));
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() =>
      expect(screen.getByTestId("status-vi-0")).toHaveAttribute("data-status", "approved"),
    );
    expect(await db.translations.get(`${segs[0]!.id}:vi`)).toMatchObject({
      status: "approved",
      changedBy: "Rina",
    });

    // Reject segment 2: the comment panel asks for a reason.
    await user.click(screen.getByTestId("target-vi-1"));
    await user.keyboard("{Control>}{Shift>}{Backspace}{/Shift}{/Control}");
    const panel = await screen.findByTestId("comments-panel");
    await user.type(within(panel).getByTestId("comment-text"), "Nama salah.");
    await user.click(within(panel).getByTestId("comment-submit"));
    await waitFor(() =>
      expect(screen.getByTestId("status-vi-1")).toHaveAttribute("data-status", "rejected"),
    );
    expect(await screen.findByTestId("comments-vi-1")).toHaveTextContent("1");
    expect(within(panel).getByText("Nama salah.")).toBeInTheDocument();

    // Filter: only rejected Vietnamese; count shown; the URL keeps it.
    fireEvent.change(screen.getByTestId("filter-status-vi"), { target: { value: "rejected" } });
    await waitFor(() =>
      expect(screen.getByTestId("filter-count")).toHaveTextContent("1 of 3 segments"),
    );
    expect(window.location.hash).toContain("vi=rejected");
    expect(screen.queryByTestId("target-vi-0")).toBeNull();
    fireEvent.click(screen.getByTestId("filter-clear"));
    await waitFor(() =>
      expect(screen.getByTestId("filter-count")).toHaveTextContent("3 of 3 segments"),
    );

    // Undo the rejection from the toolbar.
    await user.click(screen.getByTestId("undo"));
    await waitFor(() =>
      expect(screen.getByTestId("status-vi-1")).toHaveAttribute("data-status", "translated"),
    );
    await act(async () => undefined);
  });
});
