import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../../src/ui/grid/grid-keyboard.ts";

describe("README keyboard shortcuts", () => {
  it("lists every key of the app's keymap", () => {
    const readme = readFileSync(resolve(process.cwd(), "README.md"), "utf8");
    const section = readme.slice(
      readme.indexOf("## Keyboard shortcuts"),
      readme.indexOf("## Formats"),
    );
    for (const shortcut of SHORTCUTS) {
      for (const key of shortcut.keys)
        expect(section, `${shortcut.command}: ${key}`).toContain(`\`${key}\``);
    }
  });
});
