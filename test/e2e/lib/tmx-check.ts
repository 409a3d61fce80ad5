/**
 * Checks a downloaded TMX file: test/helpers/xml-validators.ts (shared with the formats tests)
 * runs xmllint against ../shared/standards/tmx14.dtd (exit 0 AND empty stderr, the DOCTYPE's
 * "tmx14.dtd" resolved through an XML catalog) and requires xml:lang on every <tuv>. Here we add
 * the per-language <seg> texts for assertions.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { checkTmxFiles, xmllintPath } from "../../helpers/xml-validators.ts";

export interface TmxCheck {
  text: string;
  /** Number of <tu> elements. */
  tuCount: number;
}

function xpath(file: string, expression: string): string {
  const result = spawnSync(xmllintPath(), ["--nonet", "--xpath", expression, file], {
    encoding: "utf8",
  });
  if (result.error !== undefined) throw result.error;
  return result.stdout;
}

/** Throws with xmllint's complaint unless the file is valid TMX 1.4b with xml:lang everywhere. */
export function checkTmxFile(file: string): TmxCheck {
  const check = checkTmxFiles([file]);
  if (!check.ok) throw new Error(`${file} is not valid TMX 1.4b:\n${check.detail}`);
  return { text: readFileSync(file, "utf8"), tuCount: Number(xpath(file, "count(//tu)").trim()) };
}

/** The texts of the <seg> of every <tuv xml:lang=lang>, in document order (entities decoded). */
export function tmxSegTexts(file: string, lang: string): string[] {
  const count = Number(xpath(file, `count(//tuv[@xml:lang="${lang}"]/seg)`).trim());
  const texts: string[] = [];
  for (let i = 1; i <= count; i++) {
    // xmllint ends the printed string with one newline of its own.
    texts.push(xpath(file, `string((//tuv[@xml:lang="${lang}"]/seg)[${i}])`).replace(/\n$/, ""));
  }
  return texts;
}
