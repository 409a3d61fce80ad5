/**
 * Issue 15, second round: pre-translating a document from the project memory with a fuzzy
 * threshold (an exact unit as before, a fuzzy one as a draft recording its score, one undo); the
 * glossary's terms marked in the grid's source cells (inflected, with an accessible name), a term
 * edited, deleted, exported as CSV; forbidden and unused glossary terms marked by QA as typed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readRecord } from "./lib/idb.ts";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const MEMORY = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="e2e" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="id"><seg>Kedua negara menandatangani perjanjian itu di Jakarta.</seg></tuv><tuv xml:lang="vi"><seg>Hai nước đã ký hiệp định đó tại Jakarta.</seg></tuv></tu>
<tu><tuv xml:lang="id"><seg>Cuaca hari ini cerah.</seg></tuv><tuv xml:lang="vi"><seg>Thời tiết hôm nay đẹp.</seg></tuv></tu>
</body></tmx>`;

// Row 1: 7 of 8 tokens as in the memory's first unit (87 %, less 1 for a unit not approved); row 2: exact; row 3: nothing near.
const TEXT =
  "Kedua negara menandatangani perjanjian itu di Bandung. Cuaca hari ini cerah. Anggaran naik tajam.";

const GLOSSARY =
  "concept,id,vi,en,vi status\n" +
  "g1,tandatangan,ký,sign,preferred\n" +
  "g2,perjanjian,hiệp định,agreement,preferred\n" +
  "g3,perjanjian,hiệp ước,,forbidden\n";

describe("pre-translation and glossary", () => {
  test("pre-translate with a fuzzy threshold, one undo; glossary marks, edit, delete, CSV; QA", async ({
    page,
    baseUrl,
  }) => {
    const dir = tempDir("selaras-e2e-");
    const memory = join(dir, "memory.tmx");
    writeFileSync(memory, MEMORY);
    const list = await openCorpusList(page, baseUrl);
    expect(await list.importTmIntoMemory(memory)).toMatch(/\b2 units\b/);
    await list.addFromText({ title: "Perjanjian", text: TEXT });
    await new AppHeader(page).ensureProfile();
    const grid = new GridPage(page, baseUrl);
    await grid.waitForRows();
    const seg0 = await grid.segmentId(0);

    // Pre-translate from the memory at the default 75 %.
    await page.getByTestId("import-into-doc").click();
    const dialog = page.getByTestId("import-into-doc-dialog");
    await dialog.getByTestId("import-into-doc-from-memory").check();
    expect(await dialog.getByLabel("Fuzzy matches from (%)").inputValue()).toBe("75");
    await expect
      .poll(() => dialog.getByTestId("import-into-doc-fuzzy").innerText())
      .toBe("1 more empty target gets its best fuzzy match (≥ 75 %) as a draft.");
    await dialog.getByTestId("import-into-doc-apply").click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.getByTestId("grid-notice").innerText())
      .toContain(
        "Pre-translated from the memory: 1 target from an exact match, 1 fuzzy draft (≥ 75 %); 4 empty targets have no match.",
      );
    await expect
      .poll(() => grid.target("vi", 0).inputValue())
      .toBe("Hai nước đã ký hiệp định đó tại Jakarta.");
    expect(await grid.target("vi", 1).inputValue()).toBe("Thời tiết hôm nay đẹp.");
    expect(await grid.statusOf("vi", 0)).toBe("draft");
    await expect
      .poll(
        async () =>
          (await readRecord<{ tmScore?: number }>(page, "translations", `${seg0}:vi`))?.tmScore,
        { timeout: 10_000 },
      )
      .toBe(86);
    // One undo takes both back.
    await page.getByTestId("undo").click();
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("");
    expect(await grid.target("vi", 1).inputValue()).toBe("");

    // The glossary: its terms marked in the source cells, the inflected form too, with a name.
    const panel = page.getByTestId("glossary-panel");
    await panel
      .getByTestId("glossary-file")
      .setInputFiles({ name: "terms.csv", mimeType: "text/csv", buffer: Buffer.from(GLOSSARY) });
    await expect
      .poll(() => panel.getByTestId("glossary-notice").innerText())
      .toContain("3 concepts imported");
    const source0 = grid.source(0);
    await expect
      .poll(() => source0.getByRole("term").allInnerTexts())
      .toEqual(["menandatangani", "perjanjian"]);
    expect(await source0.getByRole("term").first().getAttribute("aria-label")).toBe(
      "menandatangani: glossary “tandatangan” → ký (Vietnamese), sign (English)",
    );
    expect(await source0.textContent()).toBe(
      "Kedua negara menandatangani perjanjian itu di Bandung.",
    );
    expect(await grid.source(2).getByRole("term").count()).toBe(0);

    // QA: the forbidden "hiệp ước" is an error as typed (its concept, one CSV row, has no other
    // Vietnamese term), and "perjanjian" asks for "hiệp định"; typing that clears both.
    await grid.typeInto("vi", 0, "Hai nước đã ký hiệp ước đó.");
    const marker = page.getByTestId("qa-marker-vi-0");
    await expect
      .poll(async () => (await marker.count()) > 0 && (await marker.getAttribute("aria-label")), {
        timeout: 10_000,
      })
      .toMatch(/forbids “hiệp ước” in this language; .*“perjanjian”.*none of hiệp định/);
    await grid.target("vi", 0).fill("Hai nước đã ký hiệp định đó.");
    await expect.poll(() => marker.count(), { timeout: 10_000 }).toBe(0);

    // Edit term 1's English, delete concept 2 (asked first), export CSV.
    await grid.target("vi", 0).click();
    await panel.getByTestId("glossary-edit-1").click();
    const edit = page.getByTestId("glossary-edit-dialog");
    await edit.getByTestId("glossary-add-en").fill("sign (v.)");
    await edit.getByTestId("glossary-add-save").click();
    await expect
      .poll(() => panel.getByTestId("glossary-term-1-en").innerText())
      .toContain("sign (v.)");
    await panel.getByTestId("glossary-delete-2").click();
    const ask = page.getByTestId("confirm-dialog");
    expect(await ask.innerText()).toContain("Delete “perjanjian” and its translations");
    await ask.getByRole("button", { name: "Delete" }).click();
    await expect
      .poll(() => source0.getByRole("term").allInnerTexts())
      .toEqual(["menandatangani", "perjanjian"]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByTestId("glossary-export-csv").click(),
    ]);
    expect(download.suggestedFilename()).toBe("glossary.csv");
    const csv = join(dir, "glossary.csv");
    await download.saveAs(csv);
    const text = readFileSync(csv, "utf8");
    expect(text).toContain("sign (v.)");
    expect(text).toContain("hiệp ước");
    expect(text).not.toContain("hiệp định");
    if (process.env["SELARAS_SCREENSHOTS"])
      await page.screenshot({ path: join(process.env["SELARAS_SCREENSHOTS"], "glossary-qa.png") });
  });
});
