import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../../helpers/render-app.tsx";

const SOURCE = "Lebih dari 2.500 delegasi hadir. Acara berlangsung dua hari.";

async function openNumbersDocument() {
  const { importDocuments } = await import("../../../src/db/operations/import-documents.ts");
  const { db } = await renderApp();
  await screen.findAllByTestId("doc-row");
  const [docId] = await importDocuments(db, [
    { title: "Delegasi", sourceLang: "id", text: SOURCE, origin: { kind: "user" } },
  ]);
  gotoDocument(docId!);
  await screen.findByTestId("target-en-0");
  return { db, docId: docId! };
}

describe("QA on the grid", () => {
  it("marks a cell as the translator types, names the findings, and drops them once fixed", async () => {
    const user = userEvent.setup();
    await openNumbersDocument();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    const marker = await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    expect(marker).toHaveAttribute("data-severity", "error");
    expect(marker).toHaveAccessibleName(/^1 QA finding: .*2\.500.*2,600/);
    // On hover its popup says what (the popup replaces the browser's tooltip).
    expect(marker).not.toHaveAttribute("title");
    await user.hover(marker);
    expect(await screen.findByTestId("qa-popup-en-0")).toHaveTextContent("2,600");
    await user.unhover(marker);
    expect(marker.querySelector("svg")).not.toBeNull();
    // The messages are the field's description (read on focus, shown under the focused cell).
    expect(en).toHaveAccessibleDescription(/2\.500.*2,600/);

    await user.clear(en);
    await user.type(en, "More than 2,500 delegates came.");
    await waitFor(() => expect(screen.queryByTestId("qa-marker-en-0")).toBeNull(), {
      timeout: 3000,
    });
    expect(en).not.toHaveAttribute("aria-describedby");
  });

  it("lists findings in the QA panel by check, filters by severity, and moves to a cell", async () => {
    const user = userEvent.setup();
    await openNumbersDocument();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    fireEvent.blur(en);
    await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    await user.click(screen.getByTestId("qa-open"));
    const panel = await screen.findByTestId("qa-panel");
    const group = await within(panel).findByTestId("qa-group-numbers", {}, { timeout: 3000 });
    const item = within(group).getByTestId("qa-item-en-0");
    expect(item).toHaveAccessibleName(/^Error\. Row 1, English: .*2\.500.*2,600/);
    expect(within(group).getByRole("heading")).toHaveTextContent("Numbers");

    await user.click(within(panel).getByTestId("qa-show-error"));
    expect(within(panel).queryByTestId("qa-item-en-0")).toBeNull();
    expect(within(panel).getByTestId("qa-none")).toHaveTextContent(
      "No findings of the chosen kinds.",
    );
    await user.click(within(panel).getByTestId("qa-show-error"));

    await user.click(screen.getByTestId("target-vi-1"));
    await user.click(within(panel).getByTestId("qa-item-en-0"));
    await waitFor(() => expect(screen.getByTestId("target-en-0")).toHaveFocus());
  });

  it("F8 and Shift+F8 move to the next and previous cell with a finding", async () => {
    const user = userEvent.setup();
    await openNumbersDocument();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    await screen.findByTestId("qa-marker-en-0", {}, { timeout: 3000 });
    const vi1 = screen.getByTestId("target-vi-1");
    await user.click(vi1);
    await user.type(vi1, "Sự kiện  kéo dài hai ngày.");
    await screen.findByTestId("qa-marker-vi-1", {}, { timeout: 3000 });
    await user.click(screen.getByTestId("target-vi-0"));
    await user.keyboard("{F8}");
    await waitFor(() => expect(screen.getByTestId("target-en-0")).toHaveFocus());
    await user.keyboard("{F8}");
    await waitFor(() => expect(screen.getByTestId("target-vi-1")).toHaveFocus());
    await user.keyboard("{Shift>}{F8}{/Shift}");
    await waitFor(() => expect(screen.getByTestId("target-en-0")).toHaveFocus());
    // The shortcut sheet lists the keys.
    await user.keyboard("{Alt>}h{/Alt}");
    const sheet = await screen.findByTestId("shortcut-sheet");
    expect(sheet).toHaveTextContent("Next QA finding");
    expect(sheet).toHaveTextContent("Shift+F8");
  });

  it("the filter bar keeps the rows with QA errors or warnings", async () => {
    const user = userEvent.setup();
    await openNumbersDocument();
    const en = screen.getByTestId("target-en-0");
    await user.click(en);
    await user.type(en, "More than 2,600 delegates came.");
    const vi1 = screen.getByTestId("target-vi-1");
    await user.click(vi1);
    await user.type(vi1, "Sự kiện  kéo dài hai ngày.");
    fireEvent.blur(vi1);
    await screen.findByTestId("qa-marker-vi-1", {}, { timeout: 3000 });
    await user.click(screen.getByTestId("filter-more"));
    await user.selectOptions(screen.getByTestId("filter-qa"), "error");
    await waitFor(() => expect(screen.getByTestId("filter-count")).toHaveTextContent("1 of 2"));
    expect(window.location.hash).toContain("qa=error");
    expect(screen.queryByTestId("target-vi-1")).toBeNull();
    await user.selectOptions(screen.getByTestId("filter-qa"), "warning");
    await waitFor(() => expect(screen.getByTestId("target-vi-1")).toBeInTheDocument());
    expect(screen.queryByTestId("target-en-0")).toBeNull();
    await user.click(screen.getByTestId("filter-clear"));
    await waitFor(() => expect(screen.getByTestId("filter-count")).toHaveTextContent("2 of 2"));
    expect(window.location.hash).not.toContain("qa=");
  });
});
