import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { openDocument, renderApp } from "../../helpers/render-app.tsx";
import { saveProfile } from "../../../src/db/operations/profile.ts";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";
import { saveTranslation } from "../../../src/db/operations/save-translation.ts";
import { undo } from "../../../src/db/operations/history.ts";
import { i18n } from "../../../src/i18n/index.ts";
import type { SelarasDb } from "../../../src/db/database.ts";
import { filterFromParams, filterToParams } from "../../../src/ui/grid/filter-url.ts";

async function withConflict(db: SelarasDb, docId: string) {
  const segs = await segmentsOf(db, docId);
  for (const s of segs.slice(0, 3))
    await saveTranslation(db, {
      segmentId: s.id,
      lang: "vi",
      text: `Bản của Lan ${s.source}`,
      user: "lan",
    });
  const id = `${segs[1]!.id}:vi`;
  const cell = (await db.translations.get(id))!;
  await db.translations.put({
    ...cell,
    competing: [
      {
        text: `Bản của Rina ${segs[1]!.source}`,
        status: "approved",
        by: "Rina",
        at: "2026-11-21T10:00:00.000Z",
        source: "import",
      },
    ],
  });
  return { segs, id, cell };
}

describe("conflict view", () => {
  it("marks the cell, filters Conflict rows, opens with Ctrl+Shift+K and click, shows a word diff, keeps the other version as one undoable step", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await saveProfile(db, { name: "Lan", role: "translator" });
    const docId = await openDocument();
    const { segs, id, cell } = await withConflict(db, docId);

    const marker = await screen.findByTestId("conflict-vi-1");
    expect(marker).toHaveAccessibleName("Conflict: 1 competing version — open to decide");
    expect(marker.querySelector("svg")).not.toBeNull();
    expect(screen.queryByTestId("conflict-vi-0")).toBeNull();

    // The status filter has a Conflict state per language.
    const rowsBefore = screen.getAllByTestId(/^target-vi-\d+$/).length;
    expect(rowsBefore).toBeGreaterThan(1);
    await user.selectOptions(screen.getByTestId("filter-status-vi"), "conflict");
    await waitFor(() => expect(screen.getAllByTestId(/^target-vi-\d+$/)).toHaveLength(1));
    expect(screen.getByTestId("target-vi-1")).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId("filter-status-vi"), "");
    await waitFor(() => expect(screen.getAllByTestId(/^target-vi-\d+$/)).toHaveLength(rowsBefore));

    // Keyboard: Ctrl+Shift+K in the cell.
    await user.click(screen.getByTestId("target-vi-1"));
    await user.keyboard("{Control>}{Shift>}K{/Shift}{/Control}");
    let dialog = await screen.findByTestId("conflict-dialog");
    expect(within(dialog).getByTestId("conflict-current-text")).toHaveTextContent(cell.text);
    const diff = within(dialog).getByTestId("conflict-diff");
    expect(diff.querySelector("del")).toHaveTextContent("Lan");
    expect(diff.querySelector("ins")).toHaveTextContent("Rina");
    expect(within(dialog).getByTestId("conflict-version")).toHaveTextContent(
      /from an imported file · by Rina/,
    );
    await user.click(within(dialog).getByRole("button", { name: /close/i }));
    await waitFor(() => expect(screen.queryByTestId("conflict-dialog")).toBeNull());

    // Click on the marker; keep the other version.
    await user.click(screen.getByTestId("conflict-vi-1"));
    dialog = await screen.findByTestId("conflict-dialog");
    await user.click(within(dialog).getByTestId("conflict-keep-version"));
    await waitFor(() => expect(screen.queryByTestId("conflict-vi-1")).toBeNull());
    const after = await db.translations.get(id);
    expect(after).toMatchObject({ text: `Bản của Rina ${segs[1]!.source}`, status: "approved" });
    expect(after?.competing).toBeUndefined();
    const last = await db.revisions.where("translationId").equals(id).last();
    expect(last).toMatchObject({ text: `Bản của Rina ${segs[1]!.source}`, user: "Lan" });

    // One undo step brings the conflict back exactly.
    await undo(db, docId, "Lan");
    expect(await db.translations.get(id)).toMatchObject({
      text: cell.text,
      competing: [expect.objectContaining({ by: "Rina" })],
    });
    expect(await screen.findByTestId("conflict-vi-1")).toBeInTheDocument();
  });

  it("keeps an edited merge, and keeps the current text", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await saveProfile(db, { name: "Lan", role: "translator" });
    const docId = await openDocument();
    const { id, cell } = await withConflict(db, docId);
    await user.click(await screen.findByTestId("conflict-vi-1"));
    let dialog = await screen.findByTestId("conflict-dialog");
    const merged = within(dialog).getByTestId("conflict-merged");
    await user.clear(merged);
    await user.type(merged, "Bản hợp nhất.");
    await user.click(within(dialog).getByTestId("conflict-keep-merged"));
    await waitFor(() => expect(screen.queryByTestId("conflict-dialog")).toBeNull());
    expect(await db.translations.get(id)).toMatchObject({ text: "Bản hợp nhất.", status: "draft" });

    await undo(db, docId, "Lan");
    await user.click(await screen.findByTestId("conflict-vi-1"));
    dialog = await screen.findByTestId("conflict-dialog");
    await user.click(within(dialog).getByTestId("conflict-keep-current"));
    await waitFor(() => expect(screen.queryByTestId("conflict-vi-1")).toBeNull());
    const kept = await db.translations.get(id);
    expect(kept?.text).toBe(cell.text);
    expect(kept?.competing).toBeUndefined();
  });

  it("speaks vi and id", async () => {
    const { db } = await renderApp();
    await saveProfile(db, { name: "Lan", role: "translator" });
    const docId = await openDocument();
    await withConflict(db, docId);
    await i18n.changeLanguage("vi");
    try {
      expect(await screen.findByTestId("conflict-vi-1")).toHaveAccessibleName(
        "Xung đột: 1 phiên bản cạnh tranh — mở để quyết định",
      );
      fireEvent.click(screen.getByTestId("conflict-vi-1"));
      expect(await screen.findByTestId("conflict-dialog")).toHaveTextContent("Giữ phiên bản này");
      await i18n.changeLanguage("id");
      await waitFor(() =>
        expect(screen.getByTestId("conflict-dialog")).toHaveTextContent("Pertahankan versi ini"),
      );
    } finally {
      await i18n.changeLanguage("en");
    }
  });
});

describe("the Conflict state in the URL", () => {
  it("round-trips per language next to statuses", () => {
    const filter = filterFromParams(new URLSearchParams("vi=conflict&en=draft,conflict&id=bogus"));
    expect(filter.conflicts).toEqual(["vi", "en"]);
    expect(filter.status).toEqual({ en: ["draft"] });
    expect(filterToParams(filter).toString()).toBe("vi=conflict&en=draft%2Cconflict");
    expect(filterFromParams(new URLSearchParams("vi=draft")).conflicts).toBeUndefined();
  });
});
