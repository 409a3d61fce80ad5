import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resources } from "../../src/i18n/resources.ts";
import { messageKey } from "../../src/core/qa/registry.ts";
import { errorKey } from "../../src/ui/shared/error-text.tsx";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const QA_DIR = resolve(process.cwd(), "src/core/qa");

/**
 * Every literal error code the core and db can raise: AppError("x.y") and { code: "x.y" }. The QA
 * checks (src/core/qa) raise findings, not errors: their codes are listed on their own.
 */
function raisedCodes(qa: boolean): string[] {
  const codes = new Set<string>();
  for (const dir of qa ? ["src/core/qa"] : ["src/core", "src/db", "src/ui"]) {
    for (const file of sources(resolve(process.cwd(), dir))) {
      if (!qa && file.startsWith(QA_DIR)) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/AppError\(\s*"([a-z0-9-]+\.[a-zA-Z0-9.-]+)"/g))
        codes.add(m[1]!);
      for (const m of text.matchAll(/code: "([a-z0-9-]+\.[a-zA-Z0-9.-]+)"/g)) codes.add(m[1]!);
    }
  }
  return [...codes].sort();
}

/** Suffixes the shared XML layer raises under any reader's prefix (tmx., xliff., srx., …). */
const XML_SUFFIXES = [
  "empty",
  "binary",
  "unknown-encoding",
  "encoding",
  "not-well-formed",
  "truncated",
  "undefined-entity",
  "entity-declaration",
  "external-entity",
  "cancelled",
];

describe("error messages", () => {
  it("every error code raised in the code has a message in English, Vietnamese and Indonesian", () => {
    const codes = raisedCodes(false);
    expect(codes.length).toBeGreaterThan(30);
    for (const lng of ["en", "vi", "id"] as const) {
      const messages = resources[lng].errors as Record<string, string>;
      const missing = codes.filter((c) => !(errorKey(c) in messages));
      expect(missing, lng).toEqual([]);
      for (const suffix of XML_SUFFIXES)
        expect(messages, `${lng} xml_${suffix}`).toHaveProperty(`xml_${suffix}`);
    }
  });

  it("every QA finding code has a message in English, Vietnamese and Indonesian", () => {
    const codes = raisedCodes(true);
    expect(codes.length).toBeGreaterThan(15);
    for (const lng of ["en", "vi", "id"] as const) {
      const findings = (resources[lng].qa as { finding: Record<string, string> }).finding;
      const missing = codes.filter((c) => !(messageKey(c) in findings));
      expect(missing, lng).toEqual([]);
    }
  });
});
