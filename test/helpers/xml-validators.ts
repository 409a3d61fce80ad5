/**
 * Real validators for exported files: xmllint (libxml2) against the official TMX DTD and the XLIFF
 * schemas, and translate-toolkit's tmxfile reader. Missing tools make the calling test FAIL with a
 * clear message (CI installs libxml2-utils and translate-toolkit), never skip.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const STANDARDS_DIR = path.resolve(REPO_ROOT, "../shared/standards");
export const TMX_DTD = path.join(STANDARDS_DIR, "tmx14.dtd");

const XMLLINT_CANDIDATES = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"];
const PYTHON_CANDIDATES = ["/usr/bin/python3"];

function findTool(candidates: string[], name: string, hint: string): string {
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const found = which.stdout.trim();
  if (which.status === 0 && found !== "") return found;
  throw new Error(`${name} is not installed: ${hint}`);
}

export function xmllintPath(): string {
  return findTool(XMLLINT_CANDIDATES, "xmllint", "install it with `apt-get install libxml2-utils`");
}

function requireFile(file: string): string {
  if (!existsSync(file))
    throw new Error(`missing standards file ${file} (expected ../shared/standards)`);
  return file;
}

export interface CheckResult {
  ok: boolean;
  /** What went wrong, for the assertion message ("" when ok). */
  detail: string;
}

/** Writes texts to a temporary directory, runs fn on their paths, and cleans up. */
export function withTempFiles<T>(
  files: { name: string; content: string | Uint8Array }[],
  fn: (paths: string[]) => T,
): T {
  const dir = mkdtempSync(path.join(tmpdir(), "selaras-xml-"));
  try {
    const paths = files.map((f) => {
      const p = path.join(dir, f.name);
      writeFileSync(p, f.content);
      return p;
    });
    return fn(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let catalog: string | null = null;

/**
 * An XML catalog mapping the system id our TMX files declare ("tmx14.dtd") to the official DTD, so
 * xmllint does not warn "failed to load external entity" for the DOCTYPE of a file that sits in a
 * directory without a copy of the DTD (the warning would make stderr non-empty). libxml2 looks the
 * id up after resolving it against the file's URI, so xmllint runs in the file's directory with a
 * relative file name (see runXmllintOn).
 */
function catalogFile(): string {
  if (catalog !== null) return catalog;
  const text =
    '<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n' +
    `  <system systemId="tmx14.dtd" uri="${pathToFileURL(requireFile(TMX_DTD)).href}"/>\n` +
    "</catalog>\n";
  // One file per content, shared by every test process of every run (none left per process).
  const name = `selaras-catalog-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.xml`;
  catalog = path.join(tmpdir(), name);
  if (!existsSync(catalog)) {
    const partial = `${catalog}.${process.pid}`;
    writeFileSync(partial, text);
    renameSync(partial, catalog);
  }
  return catalog;
}

function runXmllint(
  args: string[],
  cwd?: string,
): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(xmllintPath(), args, {
    encoding: "utf8",
    ...(cwd === undefined ? {} : { cwd }),
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, XML_CATALOG_FILES: catalogFile() },
  });
  if (result.error) throw result.error;
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

/**
 * `xmllint --noout --nonet --dtdvalid tmx14.dtd` on every file in ONE process (so property tests
 * stay fast): ok only with exit 0 AND empty stderr (xmllint exits 0 on some validity warnings), and
 * no `<tuv>` without xml:lang (xmllint only warns about that).
 */
export function checkTmxFiles(files: string[]): CheckResult {
  if (files.length === 0) return { ok: true, detail: "" };
  const dtd = requireFile(TMX_DTD);
  const byDir = new Map<string, string[]>();
  for (const file of files) {
    const dir = path.dirname(path.resolve(file));
    byDir.set(dir, [...(byDir.get(dir) ?? []), path.basename(file)]);
  }
  for (const [dir, names] of byDir) {
    const lint = runXmllint(["--noout", "--nonet", "--dtdvalid", dtd, ...names], dir);
    if (lint.status !== 0 || lint.stderr !== "") {
      return { ok: false, detail: `xmllint exit ${lint.status}\n${lint.stderr.slice(0, 4000)}` };
    }
  }
  for (const file of files) {
    const count = runXmllint(["--nonet", "--xpath", "count(//tuv[not(@xml:lang)])", file]);
    if (count.status !== 0 || count.stdout.trim() !== "0") {
      return {
        ok: false,
        detail: `${file}: ${count.stdout.trim()} <tuv> without xml:lang ${count.stderr}`,
      };
    }
  }
  return { ok: true, detail: "" };
}

/** checkTmxFiles for texts (written to temporary files named case-N.tmx). */
export function checkTmxTexts(texts: string[]): CheckResult {
  return withTempFiles(
    texts.map((content, i) => ({ name: `case-${i}.tmx`, content })),
    (paths) => checkTmxFiles(paths),
  );
}

/** `xmllint --noout --nonet --schema <xsd>` on each file: ok only with exit 0 and "validates". */
export function checkXmlSchema(files: string[], schemaName: string): CheckResult {
  const schema = requireFile(path.join(STANDARDS_DIR, schemaName));
  const lint = runXmllint(["--noout", "--nonet", "--schema", schema, ...files]);
  const unexpected = lint.stderr
    .split("\n")
    .filter((line) => line !== "" && !/ validates$/.test(line));
  if (lint.status !== 0 || unexpected.length > 0) {
    return { ok: false, detail: `xmllint exit ${lint.status}\n${lint.stderr.slice(0, 4000)}` };
  }
  return { ok: true, detail: "" };
}

/** One unit as translate-toolkit sees it. */
export interface TtUnit {
  id: string;
  /** xml:lang → text of that tuv (inline codes flattened, as translate-toolkit does). */
  texts: Record<string, string>;
}

const TT_SCRIPT = `
import json, sys
from translate.storage.tmx import tmxfile
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
out = []
for name in sys.argv[1:]:
    with open(name, "rb") as fh:
        store = tmxfile(fh)
    units = []
    for u in store.units:
        texts = {}
        for node in u.getlanguageNodes():
            texts[node.get(XML_LANG)] = u.getNodeText(node)
        units.append({"id": u.getid(), "texts": texts})
    out.append(units)
print(json.dumps(out))
`;

export function pythonWithTranslateToolkit(): string {
  const python = findTool(PYTHON_CANDIDATES, "python3", "install Debian's python3");
  const probe = spawnSync(python, ["-c", "import translate.storage.tmx"], {
    encoding: "utf8",
    env: { ...process.env, PYENV_VERSION: "system" },
  });
  if (probe.status !== 0) {
    throw new Error(
      `translate-toolkit is not importable by ${python}: install it with ` +
        "`apt-get install translate-toolkit`\n" +
        probe.stderr,
    );
  }
  return python;
}

/** Reads TMX files with translate-toolkit (one process for all files). */
export function readWithTranslateToolkit(files: string[]): TtUnit[][] {
  const python = pythonWithTranslateToolkit();
  const result = spawnSync(python, ["-c", TT_SCRIPT, ...files], {
    encoding: "utf8",
    env: { ...process.env, PYENV_VERSION: "system" },
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`translate-toolkit failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as TtUnit[][];
}
