/**
 * Issue 13 item 21: icons are inline SVG with accessible names, never emoji, which render as empty
 * boxes where no emoji font is installed. No UI source file may hold a character that needs one:
 * Emoji_Presentation, or a pictograph outside the Basic Multilingual Plane (🗑 🔒 🔍 …).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(tsx?|css)$/.test(name) ? [path] : [];
  });
}

const NEEDS_EMOJI_FONT = /\p{Emoji_Presentation}|[\u{1F000}-\u{1FAFF}]/u;

describe("icons", () => {
  it("no UI source uses an emoji as an icon", () => {
    const found: string[] = [];
    for (const file of files(join(process.cwd(), "src/ui"))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const m = NEEDS_EMOJI_FONT.exec(line);
          if (m) found.push(`${file}:${i + 1}: ${m[0]}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("would catch one (the pattern matches the icons the issue found)", () => {
    for (const icon of ["🗑", "🔒", "🔍"]) expect(NEEDS_EMOJI_FONT.test(icon)).toBe(true);
    for (const symbol of ["✓", "✗", "↶", "⟦", "⚠"])
      expect(NEEDS_EMOJI_FONT.test(symbol)).toBe(false);
  });
});
