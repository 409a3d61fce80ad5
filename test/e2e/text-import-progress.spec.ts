/**
 * A large text file imported as a document (issue 14 item 7): it is split into sentences in a
 * worker with a progress bar, the page answers meanwhile, Cancel stops it with nothing written, and
 * the import then runs to its end as one document.
 */
import { openCorpusList } from "./pages/document-list-page.ts";
import { pollUntil } from "./lib/poll.ts";
import { GridPage } from "./pages/grid-page.ts";
import { describe, expect, test } from "./setup.ts";

/**
 * 10,000 paragraphs of four long Indonesian sentences: 40,000 segments (under the 100,000 a
 * document holds) in about 15 MB, seconds of segmenting.
 */
function bigText(paragraphs: number): string {
  const clause =
    "para menteri dan gubernur dari berbagai provinsi membahas anggaran pendidikan, kesehatan dan infrastruktur daerah";
  const lines: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    lines.push(
      [
        `Presiden membuka rapat ke-${p} di Jakarta pukul 10.30 WIB, ketika ${clause}, ${clause}.`,
        `Dr. Sari, S.H., hadir bersama ${p % 97} tamu, sementara ${clause}, ${clause}.`,
        `Biayanya Rp 2.500.000,50 per orang, dan ${clause}, ${clause}.`,
        `Acara berlangsung dua hari di Jl. Merdeka No. ${p % 500}, tempat ${clause}, ${clause}.`,
      ].join(" "),
    );
  }
  return lines.join("\n");
}

describe("a large text import", () => {
  test("shows its progress, answers meanwhile, can be cancelled with nothing written, then imports whole", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const before = (await list.titles()).length;
    const text = bigText(10_000);
    const file = { name: "rapat-besar.txt", mimeType: "text/plain", buffer: Buffer.from(text) };

    const dialog = await list.openAddDialog();
    await dialog.getByTestId("import-file").setInputFiles([file]);
    await dialog.getByTestId("import-submit").click();
    const bar = dialog.getByTestId("import-progress");
    await bar.waitFor({ timeout: 10_000 });
    // It moves, while the page answers script.
    const first = Number(await bar.getAttribute("value"));
    const later = await pollUntil(
      async () => Number(await bar.getAttribute("value")),
      (v) => v > first,
      { what: "the import progress to move", timeout: 30_000 },
    );
    expect(later).toBeLessThan(1);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await dialog.getByTestId("import-cancel").click();
    await dialog.getByRole("alert").filter({ hasText: "cancelled" }).waitFor();
    await dialog.getByTestId("import-cancel").click();
    await expect.poll(async () => (await list.titles()).length).toBe(before);

    expect(await list.addFiles([file])).toBe("imported");
    const grid = new GridPage(page, baseUrl);
    await grid.waitForRows();
    expect(await grid.segmentCount()).toBe(40_000);
  });
});
