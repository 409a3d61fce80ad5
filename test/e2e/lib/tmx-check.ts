/**
 * Checks a TMX file with xmllint (Debian package libxml2-utils): it must validate against
 * ../shared/standards/tmx14.dtd with exit code 0 and an empty stderr, and every <tuv> must carry
 * xml:lang. Returns the file's text for further assertions.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "./browser-env.ts";

export const tmxDtdPath = resolve(repoRoot, "..", "shared", "standards", "tmx14.dtd");

export interface TmxCheck {
  text: string;
  /** Number of <tu> elements. */
  tuCount: number;
}

function xmllint(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("xmllint", args, { encoding: "utf8" });
  if (result.error !== undefined) {
    throw new Error(
      `xmllint could not run (${result.error.message}); install it with apt-get install -y libxml2-utils`,
    );
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function checkTmxFile(file: string): TmxCheck {
  if (!existsSync(tmxDtdPath)) {
    throw new Error(`TMX DTD not found at ${tmxDtdPath} (../shared must sit beside the repo)`);
  }
  const valid = xmllint(["--noout", "--nonet", "--dtdvalid", tmxDtdPath, file]);
  if (valid.status !== 0 || valid.stderr !== "") {
    throw new Error(`xmllint rejected ${file} (exit ${valid.status}):\n${valid.stderr}`);
  }
  const missingLang = xmllint(["--xpath", "count(//tuv[not(@xml:lang)])", file]);
  if (missingLang.status !== 0 || missingLang.stdout.trim() !== "0") {
    throw new Error(
      `${file}: ${missingLang.stdout.trim()} <tuv> without xml:lang ${missingLang.stderr}`,
    );
  }
  const tus = xmllint(["--xpath", "count(//tu)", file]);
  return { text: readFileSync(file, "utf8"), tuCount: Number(tus.stdout.trim()) };
}

/** The texts of the <seg> of every <tuv xml:lang=lang>, via xmllint (entities decoded). */
export function tmxSegTexts(file: string, lang: string): string[] {
  const count = Number(
    xmllint(["--xpath", `count(//tuv[@xml:lang="${lang}"]/seg)`, file]).stdout.trim(),
  );
  const texts: string[] = [];
  for (let i = 1; i <= count; i++) {
    const r = xmllint(["--xpath", `string((//tuv[@xml:lang="${lang}"]/seg)[${i}])`, file]);
    texts.push(r.stdout);
  }
  return texts;
}
