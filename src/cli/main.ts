#!/usr/bin/env node
/**
 * Selaras command line: `npm run cli -- <command> [options]`.
 * Each command lives in src/cli/commands/<name>.ts and exports `run(args, io)`.
 */
import type { CliIo } from "./io.ts";
import { nodeIo } from "./io.ts";

type CommandModule = { run: (args: string[], io: CliIo) => Promise<number>; usage: string };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  segment: () => import("./commands/segment.ts"),
  convert: () => import("./commands/convert.ts"),
  align: () => import("./commands/align.ts"),
  tm: () => import("./commands/tm.ts"),
  glossary: () => import("./commands/glossary.ts"),
  qa: () => import("./commands/qa.ts"),
};

async function main(argv: string[]): Promise<number> {
  const io = nodeIo();
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout("Usage: selaras <command> [options]\n\nCommands:\n");
    for (const key of Object.keys(COMMANDS)) {
      const mod = await COMMANDS[key]!();
      io.stdout(`  ${mod.usage}\n`);
    }
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`selaras: unknown command "${name}". Run "selaras help".\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`selaras: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
