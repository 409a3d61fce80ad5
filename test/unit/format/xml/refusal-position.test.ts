/**
 * Fuzzed XML files are refused with a line and column (issue 14 item 8: 73 of 500 fuzzed files were
 * refused without one, the bad bytes and NUL bytes among them). Real sample files (TMX, XLIFF, TBX)
 * are cut at many places and have bytes replaced at many places; each must then be read (and be
 * well-formed for xmllint, an independent parser: a damaged DOCTYPE was accepted), or refused with a
 * line and a column inside the file that every locale's message shows.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../../../src/core/model/app-error.ts";
import { readMemoryFile } from "../../../../src/core/format/read-memory-file.ts";
import { readTbxBytes } from "../../../../src/core/format/tbx/read-tbx.ts";
import { resources } from "../../../../src/i18n/resources.ts";
import { REPO_ROOT, withTempFiles, xmllintPath } from "../../../helpers/xml-validators.ts";

const DIRS = [
  path.resolve(REPO_ROOT, "../shared/samples/tmx"),
  path.join(REPO_ROOT, "test/fixtures/tmx"),
  path.join(REPO_ROOT, "test/fixtures/tmx/real"),
  path.join(REPO_ROOT, "test/fixtures/xliff"),
  path.join(REPO_ROOT, "test/fixtures/xliff/real"),
  path.join(REPO_ROOT, "test/fixtures/tbx"),
];
const FILES = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => /\.(tmx|xlf|xliff|sdlxliff|tbx)$/.test(name))
    .map((name) => path.join(dir, name)),
);

/**
 * Refusals about a whole, well-formed file: it names no usable target language, and the user is
 * asked to choose one. They have no place in the file to point at.
 */
const WHOLE_FILE = new Set([
  "xliff.missing-target-language",
  "xliff.target-same-as-source",
  "xliff.target-language-conflict",
]);

/** Bytes put in place of others: markup, quotes, NUL, bytes that are never UTF-8, a lone tail. */
const REPLACEMENTS = [0x3c, 0x3e, 0x26, 0x22, 0x00, 0xff, 0x80, 0x2f, 0x3d, 0xc3];
const CUTS = 20;
const FLIPS = 30;

/** A deterministic pseudo-random sequence (the same positions on every run). */
function positions(seed: number, size: number, count: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % size;
  });
}

function variants(bytes: Uint8Array, seed: number): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  for (let k = 1; k < CUTS; k++) {
    const at = Math.floor((bytes.length * k) / CUTS);
    out.push([`cut at ${at}`, bytes.slice(0, at)]);
  }
  positions(seed, bytes.length, FLIPS).forEach((at, k) => {
    const flipped = bytes.slice();
    flipped[at] = REPLACEMENTS[k % REPLACEMENTS.length]!;
    if (flipped[at] !== bytes[at]) out.push([`byte ${at} = ${flipped[at]}`, flipped]);
  });
  return out;
}

function read(bytes: Uint8Array, name: string): void {
  if (name.endsWith(".tbx")) readTbxBytes(bytes, name);
  else readMemoryFile(bytes, name);
}

/**
 * The files xmllint finds not well-formed. Files that declare a legacy encoding are left out:
 * Selaras decodes ISO-8859-1 as windows-1252 (as browsers do), so a byte 0x80 there is "€", a name
 * character, where xmllint reads U+0080, which is not.
 */
function notWellFormed(files: { name: string; content: Uint8Array }[]): string[] {
  const checked = files.filter(
    (f) =>
      !/encoding=["'](iso-8859|latin|windows-|cp125)/i.test(
        new TextDecoder().decode(f.content.subarray(0, 200)),
      ),
  );
  if (checked.length === 0) return [];
  return withTempFiles(checked, (paths) => {
    const result = spawnSync(xmllintPath(), ["--noout", "--nonet", ...paths], {
      encoding: "utf8",
    });
    // Errors only: xmllint also warns about valid files (xml:space="space"), and calls a namespace
    // name that is not a URI (a ">" in it) an error, which XML and its namespaces allow.
    const errors = result.stderr
      .split("\n")
      .filter((l) => / (parser|namespace) error : /.test(l) && !l.includes("is not a valid URI"));
    return paths
      .filter((p) => errors.some((l) => l.startsWith(`${p}:`)))
      .map((p) => path.basename(p));
  });
}

/** The message a locale shows for an error (the `xml_` fallback included, as the app does). */
function message(lng: "en" | "vi" | "id", code: string, params: Record<string, unknown>): string {
  const messages = resources[lng].errors as Record<string, string>;
  const template =
    messages[code.replace(/\./g, "_")] ?? messages[`xml_${code.slice(code.indexOf(".") + 1)}`];
  if (template === undefined) return `no message for ${code}`;
  return template.replace(/\{\{(\w+)(?:, \w+)?\}\}/g, (_, key: string) => String(params[key]));
}

describe("refusals of damaged XML files say where", () => {
  it("finds the sample files", () => {
    expect(FILES.length).toBeGreaterThan(40);
  });

  it.each(FILES.map((file) => [path.relative(REPO_ROOT, file), file]))(
    "%s, cut and with bytes replaced: read, or refused with a line and column",
    (_label, file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const name = path.basename(file);
      const lines = new TextDecoder("utf-8").decode(bytes).split(/\r\n|\r|\n/).length;
      const unplaced: string[] = [];
      const accepted: { name: string; content: Uint8Array }[] = [];
      let refused = 0;
      variants(bytes, bytes.length).forEach(([what, damaged], k) => {
        try {
          read(damaged, name);
          accepted.push({ name: `${k}-${what.replace(/\W+/g, "_")}-${name}`, content: damaged });
        } catch (error) {
          if (!isAppError(error)) throw error;
          refused++;
          if (WHOLE_FILE.has(error.code)) return;
          const { line, column } = error.params as { line?: unknown; column?: unknown };
          const where = `${what}: ${error.code} ${JSON.stringify(error.params)}`;
          if (!Number.isInteger(line) || !Number.isInteger(column)) {
            unplaced.push(where);
            return;
          }
          // Within the file (its lines counted on its bytes read as UTF-8, as many as UTF-16 has).
          expect(line as number, where).toBeGreaterThanOrEqual(1);
          expect(line as number, where).toBeLessThanOrEqual(lines + 1);
          expect(column as number, where).toBeGreaterThanOrEqual(1);
          for (const lng of ["en", "vi", "id"] as const) {
            const text = message(lng, error.code, error.params);
            expect(text, `${lng} ${where}`).toContain(String(line));
            expect(text, `${lng} ${where}`).toContain(String(column));
            expect(text, `${lng} ${where}`).not.toContain("{{");
          }
        }
      });
      expect(unplaced).toEqual([]);
      expect(refused).toBeGreaterThan(0);
      expect(notWellFormed(accepted), "accepted, but not well-formed for xmllint").toEqual([]);
    },
  );
});
