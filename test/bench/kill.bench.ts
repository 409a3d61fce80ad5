/**
 * Durability against a killed browser (issue 14 item 4): `npm run bench -- kill` (builds first;
 * standalone: `npx vite build && node --import tsx test/bench/kill.bench.ts`).
 * For each delay between the last keystroke and a SIGKILL of every Chromium process, the share of
 * words that are in their cell after a restart on the same profile. The loss window is the
 * smallest delay from which every word survives. Baseline: the journal's own write (localStorage)
 * alone cannot keep a keystroke across a kill; the figures say what the IndexedDB path keeps.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveDist } from "../e2e/lib/browser-env.ts";
import { killTrial, prepareProfile } from "../e2e/lib/kill-trial.ts";
import { printTable } from "./lib/browser.ts";

const DELAYS = (process.env.KILL_BENCH_DELAYS ?? "0,5,10,25,50,100,250").split(",").map(Number);
const TRIES = Number(process.env.KILL_BENCH_TRIES ?? 4);

const server = await serveDist();
const profile = mkdtempSync(join(tmpdir(), "selaras-kill-"));
try {
  const docUrl = await prepareProfile(profile, server.baseUrl);
  const rows: string[][] = [];
  let window: number | null = null;
  for (const delay of [...DELAYS].sort((a, b) => a - b)) {
    let kept = 0;
    for (let t = 0; t < TRIES; t++) {
      if (await killTrial(profile, docUrl, t % 5, `w${delay}x${t}`, delay)) kept++;
    }
    let confirmed = 0;
    for (let t = 0; t < TRIES; t++) {
      if (await killTrial(profile, docUrl, t % 5, `c${delay}x${t}`, delay, true)) {
        confirmed++;
      }
    }
    const all = kept === TRIES && confirmed === TRIES;
    if (all && window === null) window = delay;
    if (!all) window = null;
    rows.push([`${delay} ms`, `${kept} / ${TRIES}`, `${confirmed} / ${TRIES}`]);
  }
  console.log("\nA keystroke, then SIGKILL of the browser after:");
  printTable(["delay", "typed text kept", "Ctrl+Enter kept (Translated)"], rows);
  console.log(
    window === null
      ? "  loss window: longer than the longest delay tried"
      : `  loss window: under ${window} ms (every word kept from ${window} ms on)`,
  );
} finally {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(0);
