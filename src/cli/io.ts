import { readFile, writeFile } from "node:fs/promises";

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file, or standard input for "-". */
  readBytes: (path: string) => Promise<Uint8Array>;
  /** Writes a text, or its parts in order (large exports: no whole-file string is built). */
  writeText: (path: string, text: string | readonly string[]) => Promise<void>;
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
    // writeFile writes an iterable's parts one after the other.
    writeText: (path, text) => writeFile(path, text, "utf8"),
  };
}
