import type { CliIo } from "../io.ts";

export const usage = "segment (placeholder: being written)";

export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr("segment: not available yet\n");
  return 1;
}
