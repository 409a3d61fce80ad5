/**
 * `npm run bench`: runs every test/bench/*.bench.ts in turn (each prints its own figures, with a
 * baseline measured in the same run) and stops with a non-zero code if one of them fails.
 * `npm run bench -- align` runs only the benches whose file name contains "align".
 */
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filter === undefined || f.includes(filter))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
console.log(`\n${files.length - failed} bench files passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
