import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { openDocument, renderApp } from "../../helpers/render-app.tsx";
import { saveProfile } from "../../../src/db/operations/profile.ts";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";

describe("source segment editing in the grid", () => {
  it("splits at the chosen caret and merges back, with undo", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await saveProfile(db, { name: "Ed", role: "translator" });
    const docId = await openDocument();

    await user.click(screen.getByTestId("split-1"));
    const dialog = await screen.findByTestId("split-dialog");
    // The split point moves with the keyboard: Home, then two words on with Ctrl+→.
    const point = within(dialog).getByTestId("split-source");
    expect(point).toHaveFocus();
    await user.keyboard("{Home}{Control>}{ArrowRight}{ArrowRight}{/Control}");
    expect(point).toHaveAttribute("aria-valuenow", String("Acara berlangsung ".length));
    expect(within(dialog).getByTestId("split-preview")).toHaveTextContent(
      "Acara berlangsungdua hari.",
    );
    await user.click(within(dialog).getByTestId("split-submit"));
    await waitFor(async () =>
      expect((await segmentsOf(db, docId)).map((s) => s.source)).toEqual([
        "Presiden membuka acara.",
        "Acara berlangsung",
        "dua hari.",
        "Sumber: https://contoh.id/a.html",
      ]),
    );
    await waitFor(() => expect(screen.getByTestId("source-2")).toHaveTextContent("dua hari."));

    await user.click(screen.getByTestId("merge-1"));
    await waitFor(async () => expect((await segmentsOf(db, docId)).length).toBe(3));
    await waitFor(() =>
      expect(screen.getByTestId("source-1")).toHaveTextContent("Acara berlangsung dua hari."),
    );

    await user.click(screen.getByTestId("undo"));
    await waitFor(async () => expect((await segmentsOf(db, docId)).length).toBe(4));
  });
});
