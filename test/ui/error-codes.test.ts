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

/**
 * Suffixes the shared XML layer raises under any reader's prefix (tmx., xliff., tbx., …), read from
 * its sources (`AppError(\`${codePrefix}.binary\`)`, `fail("too-deep")`): each needs an `xml_`
 * message, which every prefix falls back to. A hand-kept list missed `too-deep` (issue 14 item 8:
 * "Unexpected error (tmx.too-deep)").
 */
function xmlSuffixes(): string[] {
  const suffixes = new Set<string>();
  for (const file of ["parse-xml.ts", "decode-xml-bytes.ts"]) {
    const text = readFileSync(resolve(process.cwd(), "src/core/format/xml", file), "utf8");
    for (const m of text.matchAll(/AppError\(\s*`\$\{\w+\}\.([a-z-]+)`/g)) suffixes.add(m[1]!);
    for (const m of text.matchAll(/\bfail\(\s*"([a-z-]+)"/g)) suffixes.add(m[1]!);
  }
  return [...suffixes].sort();
}

/**
 * The codes the server answers with (shown by the app's team, sync and account screens):
 * `new ApiError(403, "auth.csrf")`, `refuse("sync.bad_record")`, `closeConn(c, …, "live.too_many")`,
 * `apiErrorBody("live.origin")`.
 */
function serverCodes(): string[] {
  const codes = new Set<string>();
  const patterns = [
    /ApiError\(\s*\d+,\s*"([a-z_.-]+)"/g,
    /\brefuse\(\s*"([a-z_.-]+)"/g,
    /closeConn\(\s*\w+,\s*[\w.]+,\s*"([a-z_.-]+)"/g,
    /apiErrorBody\(\s*"([a-z_.-]+)"/g,
    /code: [\w.]+ \?\? "([a-z_.-]+)"/g,
  ];
  for (const file of sources(resolve(process.cwd(), "src/server"))) {
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

/** The TMX reader's own codes, raised as `tmx.${code}` through its `fail("…")`. */
function tmxReaderCodes(): string[] {
  const text = readFileSync(resolve(process.cwd(), "src/core/format/tmx/read-tmx.ts"), "utf8");
  return [...new Set([...text.matchAll(/\bfail\(\s*"([a-z-]+)"/g)].map((m) => `tmx.${m[1]!}`))];
}

describe("error messages", () => {
  it("every error code raised in the code has a message in English, Vietnamese and Indonesian", () => {
    const server = serverCodes();
    expect(server).toEqual(expect.arrayContaining(["auth.csrf", "sync.gap", "live.too_many"]));
    const codes = [...raisedCodes(false), ...tmxReaderCodes(), ...server];
    expect(codes.length).toBeGreaterThan(30);
    const suffixes = xmlSuffixes();
    expect(suffixes).toEqual(
      expect.arrayContaining(["binary", "not-well-formed", "too-deep", "unsupported-encoding"]),
    );
    for (const lng of ["en", "vi", "id"] as const) {
      const messages = resources[lng].errors as Record<string, string>;
      const missing = codes.filter((c) => !(errorKey(c) in messages));
      expect(missing, lng).toEqual([]);
      const missingXml = suffixes.filter((suffix) => !(`xml_${suffix}` in messages));
      expect(missingXml, `${lng} xml_`).toEqual([]);
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
