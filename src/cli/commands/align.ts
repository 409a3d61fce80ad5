import type { CliIo } from "../io.ts";

export const usage = "align (placeholder: being written)";

export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr("align: not available yet\n");
  return 1;
}
