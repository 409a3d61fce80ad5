import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../../helpers/render-app.tsx";
import { getQaSettings } from "../../../src/db/operations/qa-settings.ts";

const SOURCE = "Lebih dari 2.500 delegasi hadir. Acara berlangsung dua hari.";

describe("QA settings", () => {
  it("turn a check off and change a severity; the grid and the panel follow", async () => {
    const { importDocuments } = await import("../../../src/db/operations/import-documents.ts");
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    const [docId] = await importDocuments(db, [
      { title: "Delegasi", sourceLang: "id", text: SOURCE, origin: { kind: "user" } },
    ]);
    const user = userEvent.setup();
    window.location.hash = "#/settings";
    const row = await screen.findByTestId("qa-setting-numbers");
    expect(within(row).getByRole("rowheader")).toHaveTextContent("Numbers");
    const severity = screen.getByTestId("qa-setting-severity-spaces");
    expect(severity).toHaveAccessibleName("Severity of Spaces");
    expect(within(severity).getByRole("option", { selected: true })).toHaveTextContent(
      "Default (Warning)",
    );
    await user.click(screen.getByTestId("qa-setting-on-numbers"));
    await user.selectOptions(severity, "error");
    await waitFor(async () =>
      expect(await getQaSettings(db)).toEqual({
        disabled: ["numbers"],
        severity: { spaces: "error" },
        askOnConfirm: true,
      }),
    );
    expect(screen.getByTestId("qa-setting-severity-numbers")).toBeDisabled();

    gotoDocument(docId!);
    const en = await screen.findByTestId("target-en-0");
    await user.click(en);
    // A wrong number (check off) and a double space (now an error).
    await user.type(en, "More than 2,600  delegates came.");
    fireEvent.blur(en);
    const marker = await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    await waitFor(() => expect(marker).toHaveAccessibleName(/^1 QA finding: Double space$/));
    expect(marker).toHaveAttribute("data-severity", "error");
    await user.click(screen.getByTestId("qa-open"));
    const panel = await screen.findByTestId("qa-panel");
    await within(panel).findByTestId("qa-group-spaces", {}, { timeout: 3000 });
    expect(within(panel).queryByTestId("qa-group-numbers")).toBeNull();
  });
});
