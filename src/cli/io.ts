import { readFileSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { createContext, Script } from "node:vm";

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file, or standard input for "-". */
  readBytes: (path: string) => Promise<Uint8Array>;
  /**
   * Writes a text, or its parts in order (large exports: no whole-file string is built; parts from
   * a generator are built as they are written). Parts go to a file beside `path` that takes its
   * name only once all are written: a part that throws leaves `path` as it was.
   */
  writeText: (path: string, text: string | Iterable<string>) => Promise<void>;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readBytes: async (path) => (path === "-" ? readStdin() : new Uint8Array(await readFile(path))),
    writeText: async (path, text) => {
      if (typeof text === "string") return writeFile(path, text, "utf8");
      // writeFile writes an iterable's parts one after the other, asking for each in turn.
      const partial = `${path}.partial-${process.pid}`;
      try {
        await writeFile(partial, text, "utf8");
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
  };
}

const TIME_LIMITED = new Script("run()");
const timeLimitContext = createContext({ run: (): void => undefined });

/**
 * Runs `fn` and stops it after `ms` milliseconds, wherever it is (V8 terminates even a regular
 * expression that backtracks without end): "timeout" then. For user-supplied patterns (SRX rules).
 * Errors thrown by `fn` pass through.
 */
export function withTimeLimit<T>(ms: number, fn: () => T): { value: T } | "timeout" {
  const box: { result?: { value: T } } = {};
  timeLimitContext.run = () => {
    box.result = { value: fn() };
  };
  try {
    TIME_LIMITED.runInContext(timeLimitContext, { timeout: ms });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return "timeout";
    throw error;
  } finally {
    timeLimitContext.run = () => undefined;
  }
  return box.result ?? "timeout";
}

let englishErrors: Record<string, string> | null = null;

/** The English message of an app error code (src/i18n/locales/en/errors.json), or null. */
export function englishMessage(code: string, params: Record<string, unknown>): string | null {
  englishErrors ??= JSON.parse(
    readFileSync(new URL("../i18n/locales/en/errors.json", import.meta.url), "utf8"),
  ) as Record<string, string>;
  // XML readers share one set of messages: "xliff.truncated" falls back to "xml_truncated", as
  // the app does (ui/shared/error-text.tsx).
  const template =
    englishErrors[code.replace(/\./g, "_")] ??
    (code.includes(".") ? englishErrors[`xml_${code.slice(code.indexOf(".") + 1)}`] : undefined);
  if (template === undefined) return null;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/**
 * One line for an app error: its English message in words with the code after it for scripts
 * (`“a.tmx” is not well-formed XML (line 3, column 9): … (tmx.not-well-formed)`); the code and
 * its parameters only when no message exists. `file` names the input when the error does not.
 */
export function appErrorLine(
  error: { code: string; params: Record<string, unknown> },
  file?: string,
): string {
  const params = { ...(file !== undefined ? { file } : {}), ...error.params };
  const message = englishMessage(error.code, params);
  return message === null
    ? `error ${error.code} ${JSON.stringify(params)}`
    : `${message} (${error.code})`;
}
