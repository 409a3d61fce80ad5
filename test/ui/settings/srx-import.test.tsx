import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../../helpers/render-app.tsx";
import { getCustomSegmentation } from "../../../src/db/operations/segmentation-settings.ts";

const SRX = path.resolve(import.meta.dirname, "../../fixtures/segment/srx");

function file(name: string, dir = SRX): File {
  return new File([readFileSync(path.join(dir, name))], name, { type: "application/xml" });
}

describe("Settings: importing SRX", () => {
  it("a file with one rule JavaScript cannot express is used without it, and the rule is named", async () => {
    const { db } = await renderApp("#/settings");
    const user = userEvent.setup();
    const input = await screen.findByTestId("seg-import-srx");
    await user.upload(input, file("one-untranslatable.srx"));
    const note = await screen.findByTestId("seg-srx-skipped", {}, { timeout: 5000 });
    expect(note).toHaveTextContent(
      "1 rule of “one-untranslatable.srx” uses a pattern Selaras cannot translate and was left out",
    );
    expect(within(note).getAllByRole("listitem")).toHaveLength(1);
    expect(note).toHaveTextContent("Rule set English, line 15, column 26 (class intersection &&):");
    expect(note).toHaveTextContent("class intersection &&");
    expect(note).toHaveTextContent("\\b[a-z&&[^aeiou]]{2,3}\\.");
    expect(screen.getByTestId("seg-base")).toHaveTextContent("3");
    expect(screen.queryByRole("alert")).toBeNull();
    // Kept on save, with the other rules of the English set.
    await user.click(screen.getByTestId("seg-save"));
    await waitFor(async () => {
      const saved = await getCustomSegmentation(db);
      const english = saved.base?.languageRules.find((s) => s.name === "English");
      expect(english?.rules.map((r) => r.beforeBreak)).toHaveLength(1);
    });
    // Back to the built-in rules: the note goes with the file.
    await user.click(screen.getByRole("button", { name: /built-in/i }));
    expect(screen.queryByTestId("seg-srx-skipped")).toBeNull();
  });

  it("OmegaT 3.6's own rule file (16 rule sets, 1,134 rules) is taken whole, with no note", async () => {
    await renderApp("#/settings");
    const user = userEvent.setup();
    await user.upload(
      await screen.findByTestId("seg-import-srx"),
      file("omegat-3.6-defaultRules.srx", path.join(SRX, "real")),
    );
    await waitFor(() => expect(screen.getByTestId("seg-base")).toHaveTextContent("16"), {
      timeout: 15_000,
    });
    expect(screen.queryByTestId("seg-srx-skipped")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a file that is not SRX is refused with its message, and the rules stay as they were", async () => {
    await renderApp("#/settings");
    const user = userEvent.setup();
    const bad = new File(["<srx version='2.0'><body>"], "broken.srx", { type: "application/xml" });
    await user.upload(await screen.findByTestId("seg-import-srx"), bad);
    expect(await screen.findByRole("alert")).toHaveTextContent("“broken.srx”");
    expect(screen.getByTestId("seg-base")).toHaveTextContent(/built-in/i);
  });
});
