/**
 * Glossary (issue 15): a TBX imported from the glossary panel, a document whose source holds one of
 * its terms in an inflected form (menandatangani ← tandatangan), the term listed and marked for the
 * focused row with its translations, Ctrl+Alt+1 and a click typing it into the cell, a bad file
 * refused with the glossary left as it was.
 */
import { readTranslation } from "./lib/idb.ts";
import { AppHeader } from "./pages/app-header.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="id" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>e2e</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="g1">
      <langSec xml:lang="id"><termSec><term>tandatangan</term></termSec></langSec>
      <langSec xml:lang="vi"><termSec><term>ký</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>sign</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="g2">
      <langSec xml:lang="id"><termSec><term>perjanjian</term></termSec></langSec>
      <langSec xml:lang="vi"><termSec><term>hiệp định</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>agreement</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;

const TEXT = "Kedua negara menandatangani perjanjian itu. Cuaca hari ini cerah.";

describe("glossary", () => {
  test("import a TBX, see the row's terms (inflected too) and insert them", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    await list.addFromText({ title: "Istilah", text: TEXT });
    await new AppHeader(page).ensureProfile();
    const grid = new GridPage(page, baseUrl);
    await grid.waitForRows();
    const seg0 = await grid.segmentId(0);

    const panel = page.getByTestId("glossary-panel");
    await expect.poll(() => panel.getByTestId("glossary-none").innerText()).toContain("empty");
    await panel
      .getByTestId("glossary-file")
      .setInputFiles({ name: "terms.tbx", mimeType: "application/xml", buffer: Buffer.from(TBX) });
    await expect
      .poll(() => panel.getByTestId("glossary-notice").innerText())
      .toContain("2 concepts imported");

    await grid.target("vi", 0).click();
    const first = panel.getByTestId("glossary-hit-1");
    await expect.poll(() => first.innerText()).toContain("tandatangan");
    expect(await first.innerText()).toContain("menandatangani");
    expect(await panel.getByTestId("glossary-term-1-vi").innerText()).toContain("ký");
    expect(await panel.getByTestId("glossary-term-1-en").innerText()).toContain("sign");
    expect(await panel.getByTestId("glossary-source").locator("mark").allInnerTexts()).toEqual([
      "menandatangani",
      "perjanjian",
    ]);

    // Ctrl+Alt+1 types term 1 at the caret; a click on term 2's button adds it after a space.
    await page.keyboard.press("Control+Alt+1");
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("ký");
    await panel.getByTestId("glossary-insert-2").click();
    await expect.poll(() => grid.target("vi", 0).inputValue()).toBe("ký hiệp định");
    await grid.waitForSaved();
    await expect
      .poll(async () => (await readTranslation(page, seg0, "vi"))?.text, { timeout: 10_000 })
      .toBe("ký hiệp định");

    // The second row has no term.
    await grid.target("vi", 1).click();
    await expect.poll(() => panel.getByTestId("glossary-none").innerText()).toContain("row 2");

    // A broken file is refused and the glossary keeps its two concepts.
    await panel.getByTestId("glossary-file").setInputFiles({
      name: "broken.tbx",
      mimeType: "application/xml",
      buffer: Buffer.from(TBX.replace("</body>", "")),
    });
    await expect.poll(() => panel.getByRole("alert").innerText()).toContain("broken.tbx");
    await grid.target("vi", 0).click();
    await expect.poll(() => panel.getByTestId("glossary-hit-2").count()).toBe(1);
  });
});
