import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../../helpers/render-app.tsx";
import { saveTranslation } from "../../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";
import { shareDocument } from "../../../src/db/sync/share.ts";

describe("deleting a shared document from the list", () => {
  it("with changes still waiting to be sent: says so and keeps the document; once sent it goes", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    const rows = await screen.findAllByTestId("doc-row");
    const docId = (await db.documents.toArray()).find((d) => d.title === "Berita Pertama")!.id;
    await db.syncState.add({
      projectId: "p1",
      name: "Tim",
      role: "owner",
      langs: null,
      cursor: 0,
      lastMutationId: 0,
      nextMutationId: 1,
    });
    await shareDocument(db, docId, "p1");
    const [first] = await segmentsOf(db, docId);
    await saveTranslation(db, { segmentId: first!.id, lang: "vi", text: "Một.", user: "lan" });
    const pending = await db.outbox.count();

    await user.click(screen.getByRole("button", { name: /Berita Pertama/i }));
    await user.click(await screen.findByTestId("confirm-ok"));
    expect(await screen.findByTestId("delete-error")).toHaveTextContent(
      `still has ${pending} changes waiting to be sent`,
    );
    expect(await db.documents.get(docId)).toBeDefined();
    expect(rows).toHaveLength(2);

    // Sent (the outbox acknowledged): the local copy goes, the team keeps it.
    await db.outbox.clear();
    await user.click(screen.getByRole("button", { name: /Berita Pertama/i }));
    await user.click(await screen.findByTestId("confirm-ok"));
    await waitFor(async () => expect(await db.documents.get(docId)).toBeUndefined());
    expect(screen.queryByTestId("delete-error")).toBeNull();
  });
});
