/**
 * Import plans in the real browser (issue 13 items 5 and 23): unrelated TMX files are separate
 * documents; a file of a document that is here shows how its sources differ before the choice,
 * and "Keep mine" says it imported nothing.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot } from "./lib/browser-env.ts";
import { openCorpusList } from "./pages/document-list-page.ts";
import { describe, expect, test } from "./setup.ts";

const SAMPLES = resolve(repoRoot, "../shared/samples/tmx");
const HEADER =
  '<header creationtool="kit" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>';

/** A TMX of id–vi units carrying Selaras's document id `docId`. */
function tmx(docId: string, title: string, units: [string, string | null, string?][]): string {
  const tus = units
    .map(
      ([id, vi, tuid], i) =>
        `<tu tuid="${tuid ?? `u${i + 1}`}"><prop type="x-document">${title}</prop><prop type="x-document-id">${docId}</prop>` +
        `<tuv xml:lang="id"><seg>${id}</seg></tuv>` +
        (vi === null ? "" : `<tuv xml:lang="vi"><seg>${vi}</seg></tuv>`) +
        "</tu>",
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">${HEADER}<body>\n${tus}\n</body></tmx>\n`;
}

describe("import plans", () => {
  test("two unrelated compliance-kit TMX files become two documents", async ({ page, baseUrl }) => {
    const list = await openCorpusList(page, baseUrl);
    const first = await list.importTm(join(SAMPLES, "lisa-compkit-ImportTest1G-utf16be.tmx"));
    expect(first.plan).toMatch(/^1 new document, 0 unchanged, 0 already here/);
    await list.waitForDocuments(3);
    const second = await list.importTm(
      join(SAMPLES, "lisa-compkit-ImportTest2A-utf16le-level2.tmx"),
      "keep",
    );
    // Not "already here": the second file is its own document, imported even with "keep".
    expect(second.plan).toMatch(/^1 new document, 0 unchanged, 0 already here/);
    await list.waitForDocuments(4);
  });

  test("a collision shows what differs before the choice; Keep mine says nothing was imported", async ({
    page,
    baseUrl,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), "selaras-plans-"));
    const mine = join(dir, "kit.tmx");
    writeFileSync(
      mine,
      tmx("kit-a", "Kit", [
        ["Satu.", "Một."],
        ["Dua.", "Hai."],
        ["Tiga.", "Ba."],
      ]),
    );
    const theirs = join(dir, "kit-revised.tmx");
    writeFileSync(
      theirs,
      tmx("kit-a", "Kit", [
        ["Satu.", "Một."],
        ["Dua lagi.", "Hai nữa."],
        ["Lima.", null, "u9"],
      ]),
    );
    const list = await openCorpusList(page, baseUrl);
    await list.importTm(mine);
    await list.waitForDocuments(3);

    await page.getByTestId("import-tm").click();
    const dialog = page.getByTestId("import-tm-dialog");
    await dialog.getByTestId("import-tm-file").setInputFiles(theirs);
    const collision = dialog.getByTestId("import-tm-collision");
    await collision.waitFor();
    expect(await dialog.getByTestId("import-tm-plan").innerText()).toMatch(
      /0 new documents, 0 unchanged, 1 already here with different content/,
    );
    expect(await collision.getByTestId("collision-segments").innerText()).toBe(
      "Segments: 3 in the file, 3 here",
    );
    const count = async (key: string) =>
      (await collision.getByTestId(`collision-${key}`).innerText()).replace(/\s+/g, " ");
    expect(await count("same")).toBe("Same source 1");
    expect(await count("changed")).toBe("Source changed 1");
    expect(await count("added")).toBe("Only in the file 1");
    expect(await count("removed")).toBe("Only here 1");
    expect(await collision.getByTestId("collision-examples").innerText()).toBe(
      "Changed: “Dua.” → “Dua lagi.”\nOnly in the file: “Lima.”\nOnly here: “Tiga.”",
    );
    await dialog.locator('input[type="radio"][value="keep"]').check();
    await dialog.getByTestId("import-tm-apply").click();
    expect(await dialog.getByRole("status").innerText()).toBe(
      "Nothing was imported: you kept your version of 1 document as it is.",
    );
    await dialog.getByRole("button", { name: "Close" }).first().click();
    await list.waitForDocuments(3);
  });
});

describe("import translations into a document", () => {
  test("lists changes by row with their status, one checkbox each; unchecked ones stay", async ({
    page,
    baseUrl,
  }) => {
    const list = await openCorpusList(page, baseUrl);
    const grid = await list.open((await list.titles())[0]!);
    const src = async (k: number) =>
      ((await grid.source(k).textContent()) ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;");
    await grid.typeInto("vi", 0, "Câu A.");
    await page.keyboard.press("Control+Enter");
    await grid.typeInto("vi", 1, "Câu C.");
    await grid.waitForSaved();
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("translated");
    const unit = (source: string, vi: string, status: string) =>
      `<tu><tuv xml:lang="id"><seg>${source}</seg></tuv><tuv xml:lang="vi"><prop type="x-status">${status}</prop><seg>${vi}</seg></tuv></tu>`;
    const file = `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">${HEADER}<body>${[
      unit(await src(0), "Câu A.", "approved"),
      unit(await src(1), "Câu B.", "translated"),
      unit(await src(2), "Câu D.", "translated"),
    ].join("")}</body></tmx>`;
    await page.getByTestId("import-into-doc").click();
    const dialog = page.getByTestId("import-into-doc-dialog");
    await dialog.getByTestId("import-into-doc-file").setInputFiles({
      name: "review.tmx",
      mimeType: "application/xml",
      buffer: Buffer.from(file),
    });
    const plan = dialog.getByTestId("import-into-doc-plan");
    await plan.waitFor();
    expect(await plan.locator("p").first().innerText()).toBe(
      "3 segments have a unit with the same source: 1 empty target will be filled, 2 differ from yours, 0 are the same already. 0 units of the file match no segment.",
    );
    const changes = dialog.getByTestId("import-into-doc-change");
    expect(await changes.count()).toBe(2);
    expect(await changes.nth(0).innerText()).toBe(
      "Row 1, Vietnamese\nSame text; status Translated → Approved",
    );
    expect(await changes.nth(1).innerText()).toMatch(
      /^Row 2, Vietnamese\n?Câu C\. Câu B\. \(Draft → Translated\)$/,
    );
    const choices = dialog.getByTestId("import-into-doc-choice");
    expect(await choices.nth(0).isChecked()).toBe(true);
    expect(await choices.nth(1).isChecked()).toBe(true);
    await choices.nth(1).uncheck();
    expect(await dialog.getByTestId("import-into-doc-chosen").innerText()).toBe(
      "1 of 2 changes chosen.",
    );
    await dialog.getByTestId("import-into-doc-apply").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => grid.statusOf("vi", 0)).toBe("approved");
    await expect.poll(() => grid.target("vi", 2).inputValue()).toBe("Câu D.");
    expect(await grid.target("vi", 1).inputValue()).toBe("Câu C.");
  });
});

describe("import into the project's memory", () => {
  test("a file of another language pair adds 0 units and says which languages it has", async ({
    page,
    baseUrl,
  }) => {
    await openCorpusList(page, baseUrl);
    await page.getByTestId("import-tm").click();
    const dialog = page.getByTestId("import-tm-dialog");
    await dialog
      .getByTestId("import-tm-file")
      .setInputFiles(join(SAMPLES, "lisa-compkit-ImportTest1G-utf16be.tmx"));
    await dialog.getByTestId("import-tm-file-report").waitFor();
    await dialog.getByTestId("import-tm-to-memory").check();
    await dialog.getByTestId("import-tm-apply").click();
    const status = await dialog.getByRole("status").innerText();
    expect(status).toMatch(/^Added 0 units/);
    expect(status).toMatch(
      /units of the file have no Vietnamese or English translation: the file’s languages are en-us, en-gb, and the memory holds/i,
    );
  });
});
