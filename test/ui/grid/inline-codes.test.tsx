import { describe, expect, it } from "vitest";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../../helpers/render-app.tsx";
import { importDocuments } from "../../../src/db/operations/import-documents.ts";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";

const B = '\uE000<bpt i="1">&lt;b&gt;</bpt>\uE001';
const EB = '\uE000<ept i="1">&lt;/b&gt;</ept>\uE001';

describe("inline codes in a target cell", () => {
  it("shows codes as numbered tokens with a legend; typing a token inserts the code; a cut token is refused", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    const [docId] = await importDocuments(db, [
      { title: "Kode", sourceLang: "en", text: `The ${B}big${EB} cat.`, origin: { kind: "user" } },
    ]);
    act(() => gotoDocument(docId!));
    const vi = (await screen.findByTestId("target-vi-0")) as HTMLTextAreaElement;
    await user.click(vi);
    await user.keyboard("{Control>}i{/Control}");
    expect(vi).toHaveValue("The ⟦1⟧big⟦2⟧ cat.");
    expect(screen.getByTestId("codes-vi-0")).toHaveTextContent("⟦1⟧");

    // Replace the text, typing the tokens where the codes go in Vietnamese.
    fireEvent.change(vi, { target: { value: "Con mèo ⟦1⟧lớn⟦2⟧." } });
    expect(vi).toHaveValue("Con mèo ⟦1⟧lớn⟦2⟧.");
    fireEvent.blur(vi);
    const [seg] = await segmentsOf(db, docId!);
    await waitFor(async () =>
      expect((await db.translations.get(`${seg!.id}:vi`))?.text).toBe(`Con mèo ${B}lớn${EB}.`),
    );

    // Deleting half a token would break a code: refused, the field keeps the whole token.
    fireEvent.change(vi, { target: { value: "Con mèo ⟦1⟧lớn⟦2." } });
    expect(vi).toHaveValue("Con mèo ⟦1⟧lớn⟦2⟧.");
  });
});
