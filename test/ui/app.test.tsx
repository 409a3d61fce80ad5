import { describe, expect, it } from "vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../helpers/render-app.tsx";
import { i18n } from "../../src/i18n/index.ts";
import { resources } from "../../src/i18n/resources.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";

describe("document list", () => {
  it("imports the corpus on first start and lists it with segment counts and progress", async () => {
    await renderApp();
    const rows = await screen.findAllByTestId("doc-row");
    expect(rows.map((r) => r.dataset.docTitle).sort()).toEqual(["Berita Kedua", "Berita Pertama"]);
    const first = rows.find((r) => r.dataset.docTitle === "Berita Pertama")!;
    expect(within(first).getByTestId("doc-segments")).toHaveTextContent("3");
    expect(within(first).getByTestId("doc-progress-vi")).toHaveTextContent("0/3");
    expect(within(first).getByRole("link", { name: "Berita Pertama" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^#\/doc\//),
    );
  });

  it("switches the interface language and remembers it", async () => {
    await renderApp();
    await screen.findAllByTestId("doc-row");
    fireEvent.change(screen.getByTestId("ui-language"), { target: { value: "vi" } });
    expect(
      await screen.findByRole("heading", { name: resources.vi.common.documents.heading }),
    ).toBeInTheDocument();
    expect(localStorage.getItem("selaras.lang")).toBe("vi");
    fireEvent.change(screen.getByTestId("ui-language"), { target: { value: "id" } });
    expect(
      await screen.findByRole("heading", { name: resources.id.common.documents.heading }),
    ).toBeInTheDocument();
    await act(() => i18n.changeLanguage("en"));
  });

  it("adds a pasted document and refuses a non-text file with an error naming it", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    await user.click(screen.getByTestId("add-document"));
    const dialog = await screen.findByTestId("import-dialog");
    // A Word file renamed .txt: binary, not text.
    const bad = new File(
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00])],
      "laporan.txt",
    );
    await user.upload(within(dialog).getByTestId("import-file"), bad);
    await user.click(within(dialog).getByTestId("import-submit"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("laporan.txt");
    expect(await db.documents.count()).toBe(2);

    fireEvent.change(within(dialog).getByTestId("import-file"), { target: { files: [] } });
    await user.type(within(dialog).getByTestId("import-title"), "Catatan");
    fireEvent.change(within(dialog).getByTestId("import-text"), {
      target: { value: "Baris satu. Baris dua?\nBaris tiga!" },
    });
    await user.click(within(dialog).getByTestId("import-submit"));
    await waitFor(async () => expect(await db.documents.count()).toBe(3));
    const doc = (await db.documents.toArray()).find((d) => d.title === "Catatan")!;
    expect((await segmentsOf(db, doc.id)).map((s) => s.source)).toEqual([
      "Baris satu.",
      "Baris dua?",
      "Baris tiga!",
    ]);
    await waitFor(() => expect(window.location.hash).toBe(`#/doc/${doc.id}`));
  });
});
