import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../../helpers/render-app.tsx";

/** The import dialog's report says what the reader kept or left out (issue 11 classes 1 and 6). */
async function upload(name: string, content: string | Buffer) {
  const user = userEvent.setup();
  await renderApp();
  await screen.findAllByTestId("doc-row");
  await user.click(screen.getByTestId("import-tm"));
  const dialog = await screen.findByTestId("import-tm-dialog");
  const bytes = typeof content === "string" ? content : new Uint8Array(content);
  await user.upload(within(dialog).getByTestId("import-tm-file"), new File([bytes], name));
  return within(dialog).findByTestId("import-tm-file-report");
}

describe("the import report", () => {
  it("says how many units repeated a tuid and were kept under a new id", async () => {
    const tu = (id: string, n: number) =>
      `<tu tuid="${id}"><tuv xml:lang="id"><seg>Kalimat ${n}.</seg></tuv><tuv xml:lang="vi"><seg>Câu ${n}.</seg></tuv></tu>`;
    const tmx = `<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/><body>${tu("a", 1)}${tu("a", 2)}${tu("a", 3)}${tu("b", 4)}</body></tmx>`;
    const report = await upload("repeats.tmx", tmx);
    expect(report).toHaveTextContent("TMX 1.4, utf-8: 4 units.");
    expect(within(report).getByTestId("import-tm-file-repeated-tuids")).toHaveTextContent(
      "2 units repeated the id (tuid) of an earlier one: they were kept under new ids (tuid_2, …), nothing was lost.",
    );
  });

  it("says how many XLIFF ids repeated an earlier one and were kept under new ids", async () => {
    const unit = (id: string, n: number) =>
      `<trans-unit id="${id}"><source>Kalimat ${n}.</source><target>Câu ${n}.</target></trans-unit>`;
    const xliff = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="id" target-language="vi" datatype="plaintext"><body>${unit("u1", 1)}${unit("u1", 2)}${unit("u2", 3)}</body></file></xliff>`;
    const report = await upload("repeats.xlf", xliff);
    expect(report).toHaveTextContent("XLIFF 1.2, utf-8: 3 units.");
    expect(within(report).getByTestId("import-tm-file-repeated-ids")).toHaveTextContent(
      "1 id (of a file, a unit or a segment) repeated an earlier one in the same place: it was kept under a new id (id_2, …), nothing was lost.",
    );
  });

  it("says how many XLIFF targets are in a language without a column, and that they are kept (OmegaT's en-xx.xlf)", async () => {
    const xliff = readFileSync(resolve(process.cwd(), "test/fixtures/xliff/real/omegat-en-xx.xlf"));
    const report = await upload("omegat-en-xx.xlf", xliff);
    expect(within(report).getByTestId("import-tm-file-dropped-targets")).toHaveTextContent(
      /^\d+ targets? (is|are) in xx, a language without a target column in Selaras: (it is|they are) kept with (its unit|their units) and written back to TMX and JSON exports, but not shown in the grid\.$/,
    );
  });
});
