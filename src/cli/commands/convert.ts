import type { CliIo } from "../io.ts";

export const usage = "convert (placeholder: being written)";

export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr("convert: not available yet\n");
  return 1;
}
