import { isAppError } from "../../core/model/app-error.ts";
import type { GlossaryFormat } from "../../core/glossary/glossary-file.ts";
import {
  glossaryFormatOf,
  readGlossaryFile,
  writeGlossaryFile,
} from "../../core/glossary/glossary-file.ts";
import type { CliIo } from "../io.ts";
import { englishMessage } from "../io.ts";

export const usage =
  "glossary convert <IN> <OUT> [--from FMT] [--to FMT]\n" +
  "    IN, OUT: .tbx (reads TBX 2 martif with tig/ntig and TBX v3; writes TBX-Basic v3) .csv .tsv\n" +
  '    "-" reads stdin / writes stdout (then give --from / --to); nothing is written when IN has an error';

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function formatFrom(path: string, override: string | undefined): GlossaryFormat | null {
  return glossaryFormatOf(override !== undefined ? `x.${override}` : path);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`glossary: ${message}\nusage: ${usage}\n`);
    return 2;
  };
  const [sub, ...rest] = args;
  if (sub !== "convert")
    return fail(sub === undefined ? "missing sub-command" : `unknown sub-command "${sub}"`);
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k]!;
    if (arg === "--from" || arg === "--to") {
      const value = rest[++k];
      if (value === undefined) return fail(`${arg} needs a value`);
      options.set(arg.slice(2), value.toLowerCase());
    } else if (arg.startsWith("--")) return fail(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) return fail("give exactly one input and one output file");
  const [input, output] = positional as [string, string];
  const from = formatFrom(input, options.get("from"));
  const to = formatFrom(output, options.get("to"));
  if (from === null) return fail(`cannot tell the format of ${input} (.tbx, .csv, .tsv or --from)`);
  if (to === null) return fail(`cannot tell the format of ${output} (.tbx, .csv, .tsv or --to)`);

  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(input);
  } catch (error) {
    io.stderr(
      `glossary: cannot read ${input}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const file = input === "-" ? "stdin" : baseName(input);
  try {
    const result = readGlossaryFile(bytes, file, from);
    const { concepts } = result.glossary;
    const terms = concepts.reduce((n, c) => n + c.terms.length, 0);
    if (result.tbx) {
      const r = result.tbx;
      io.stderr(
        `glossary: read TBX ${r.version}${r.dialect ? ` (${r.dialect})` : ""}, languages ${r.languages.map((l) => `${l.tag}:${l.count}`).join(" ")}\n`,
      );
      if (r.emptyTerms > 0)
        io.stderr(`glossary: skipped ${r.emptyTerms} empty <term> placeholders\n`);
      if (r.emptyConcepts > 0)
        io.stderr(`glossary: skipped ${r.emptyConcepts} entries without terms\n`);
    }
    if (result.ignoredColumns && result.ignoredColumns.length > 0)
      io.stderr(`glossary: ignored columns: ${result.ignoredColumns.join(", ")}\n`);
    const text = writeGlossaryFile(result.glossary, to);
    if (output === "-") io.stdout(text);
    else await io.writeText(output, text);
    io.stderr(`glossary: ${concepts.length} concepts, ${terms} terms → ${output}\n`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      const params = { file, ...error.params };
      const message = englishMessage(error.code, params);
      io.stderr(
        `glossary: ${message === null ? `error ${error.code} ${JSON.stringify(params)}` : `${message} (${error.code})`}\n`,
      );
      return 1;
    }
    throw error;
  }
}
