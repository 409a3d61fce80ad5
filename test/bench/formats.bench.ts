/**
 * Formats bench: export and import of 100,000 units × 3 languages (id source, vi and en targets),
 * TMX and JSON, each in its own child process so its time and peak memory (max RSS) are its own;
 * baseline in the same run: translate-toolkit (Debian python3) reading the same TMX.
 *   node --import tsx test/bench/formats.bench.ts [units]
 * Targets (issue 11): TMX export under 0.5 s; TMX import at least 2× faster than translate-toolkit
 * at no more memory. The XML parser alone (saxes, as the reader configures it, reading the file a
 * megabyte at a time) is measured in the same run: the ceiling the import can reach.
 */
import { spawnSync } from "node:child_process";
import {
  fstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Bundle, BundleSegment } from "../../src/core/model/bundle.ts";
import type { ByteSource } from "../../src/core/format/byte-source.ts";
import { readJson } from "../../src/core/format/json/read-json.ts";
import { writeJson } from "../../src/core/format/json/write-json.ts";
import { readMemoryFile } from "../../src/core/format/read-memory-file.ts";
import { writeTmx, writeTmxChunks } from "../../src/core/format/tmx/write-tmx.ts";
import { SaxesParser } from "saxes";

const SELF = fileURLToPath(import.meta.url);
const WORDS = {
  id: "presiden banjir harga naik rupiah jakarta warga pemerintah sungai hujan kota jalan baru".split(
    " ",
  ),
  vi: "tổng thống lũ lụt giá tăng đồng hà nội người dân chính phủ sông mưa thành phố đường mới".split(
    " ",
  ),
  en: "president flood price rise rupiah city residents government river rain road new market".split(
    " ",
  ),
};

function sentence(words: string[], seed: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(words[x % words.length]!);
  }
  const s = out.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)} & <${seed}>.`;
}

export function makeBundle(units: number): Bundle {
  const segments: BundleSegment[] = [];
  for (let i = 0; i < units; i++) {
    segments.push({
      id: `s${i}`,
      paragraph: Math.floor(i / 5),
      source: sentence(WORDS.id, i + 1),
      targets: {
        vi: {
          text: sentence(WORDS.vi, i + 7),
          status: "translated",
          createdBy: "lan",
          createdAt: "2026-11-20T08:00:00.000Z",
        },
        en: {
          text: sentence(WORDS.en, i + 13),
          status: "approved",
          changedBy: "minh",
          changedAt: "2026-11-21T09:30:15.000Z",
        },
      },
    });
  }
  return { documents: [{ id: "bench", title: "Bench", sourceLang: "id", segments }] };
}

const OPTIONS = {
  creationTool: "Selaras",
  creationToolVersion: "bench",
  creationDate: new Date(0),
};

/** A file read in 1 MB blocks: the Node twin of the import worker's FileReaderSync source. */
function fileSource(file: string): ByteSource {
  const fd = openSync(file, "r");
  const size = fstatSync(fd).size;
  let blockStart = 0;
  let block = new Uint8Array(0);
  return {
    size,
    read(start, end) {
      if (start < blockStart || end > blockStart + block.length) {
        blockStart = start;
        block = new Uint8Array(Math.min(size, Math.max(end, start + 1024 * 1024)) - start);
        readSync(fd, block, 0, block.length, start);
      }
      return block.subarray(start - blockStart, end - blockStart);
    },
  };
}

/** Child mode: run one operation, print {ms, maxRssMb}. */
function child(op: string, file: string, units: number): void {
  let ms = 0;
  if (op === "export-tmx" || op === "export-json" || op === "export-tmx-chunks") {
    const bundle = makeBundle(units);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const text =
      op === "export-tmx"
        ? writeTmx(bundle, OPTIONS)
        : op === "export-tmx-chunks"
          ? writeTmxChunks(bundle, OPTIONS)
          : writeJson(bundle, { exportedAt: new Date(0), toolVersion: "bench" });
    ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    writeFileSync(file, typeof text === "string" ? text : text.join(""));
    console.log(
      JSON.stringify({
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      }),
    );
    return;
  }
  if (op === "parse-tmx-xml") {
    // The parser alone: the same saxes options and chunked decoding as the reader, handlers that
    // only count (elements and text characters), no Bundle.
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const parser = new SaxesParser({
      position: true,
      defaultXMLVersion: "1.0",
      forceXMLVersion: true,
    });
    let elements = 0;
    let chars = 0;
    parser.on("opentag", () => void elements++);
    parser.on("text", (t) => void (chars += t.length));
    const source = fileSource(file);
    const decoder = new TextDecoder();
    for (let at = 0; at < source.size; at += 1 << 20) {
      const end = Math.min(source.size, at + (1 << 20));
      parser.write(decoder.decode(source.read(at, end), { stream: end < source.size }));
    }
    parser.close();
    ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (elements === 0 || chars === 0) throw new Error("parsed nothing");
    console.log(
      JSON.stringify({
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      }),
    );
    return;
  }
  // The TMX is read from the file as it is parsed, as the app's import worker reads a File (so its
  // time includes reading the file, like translate-toolkit's); the JSON reader needs all the bytes.
  const bytes = op === "import-tmx" ? null : new Uint8Array(readFileSync(file));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const bundle = bytes
    ? readJson(new TextDecoder().decode(bytes))
    : readMemoryFile(fileSource(file), "bench.tmx", { onProgress: () => undefined }).bundle;
  ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const count = bundle.documents[0]!.segments.length;
  if (count !== units) throw new Error(`read ${count} units, expected ${units}`);
  console.log(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/**
 * translate-toolkit, measured two ways in one process: parsing (tmxfile + its units), and then also
 * reading every tuv's text (the work our reader always does: it returns all texts).
 */
const TT_SCRIPT = `
import resource, sys, time, json
from translate.storage.tmx import tmxfile
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return (r.ru_utime + r.ru_stime) * 1000
t0 = time.perf_counter(); c0 = cpu()
with open(sys.argv[1], "rb") as fh:
    store = tmxfile(fh)
units = store.units
t1 = time.perf_counter(); c1 = cpu()
chars = 0
for u in units:
    for node in u.getlanguageNodes():
        chars += len(u.getNodeText(node) or "")
t2 = time.perf_counter(); c2 = cpu()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"parse": {"ms": (t1 - t0) * 1000, "cpuMs": c1 - c0, "maxRssMb": rss},
                  "texts": {"ms": (t2 - t0) * 1000, "cpuMs": c2 - c0, "maxRssMb": rss},
                  "units": len(units), "chars": chars}))
`;

interface Figure {
  /** Wall time of the operation alone (no process start, no file read). */
  ms: number;
  /** CPU time (user + system): steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Peak resident memory of the whole process (bundle generation included for exports). */
  maxRssMb: number;
}

function runChild(op: string, file: string, units: number): Figure {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", SELF, "--child", op, file, String(units)],
    {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`${op} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as Figure;
}

function main(): void {
  const units = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(path.join(tmpdir(), "selaras-bench-"));
  const tmx = path.join(dir, "bench.tmx");
  const json = path.join(dir, "bench.json");
  try {
    const rows: [string, Figure, string][] = [];
    const exportTmx = runChild("export-tmx", tmx, units);
    rows.push([
      "export TMX (writeTmx)",
      exportTmx,
      `${(statSync(tmx).size / 1e6).toFixed(1)} MB file`,
    ]);
    const chunks = runChild("export-tmx-chunks", path.join(dir, "chunks.tmx"), units);
    rows.push(["export TMX as chunks (writeTmxChunks)", chunks, "for new Blob(chunks)"]);
    const exportJson = runChild("export-json", json, units);
    rows.push([
      "export JSON (writeJson)",
      exportJson,
      `${(statSync(json).size / 1e6).toFixed(1)} MB file`,
    ]);
    const importTmx = runChild("import-tmx", tmx, units);
    rows.push(["import TMX (readMemoryFile)", importTmx, ""]);
    const parseOnly = runChild("parse-tmx-xml", tmx, units);
    rows.push(["  the XML parser alone (saxes)", parseOnly, "the import's ceiling"]);
    rows.push(["import JSON (readJson)", runChild("import-json", json, units), ""]);
    const tt = spawnSync("/usr/bin/python3", ["-c", TT_SCRIPT, tmx], {
      encoding: "utf8",
      env: { ...process.env, PYENV_VERSION: "system" },
    });
    let baseline: Figure | null = null;
    if (tt.status === 0) {
      const parsed = JSON.parse(tt.stdout) as {
        parse: Figure;
        texts: Figure;
        units: number;
        chars: number;
      };
      baseline = parsed.texts;
      rows.push([
        "baseline: translate-toolkit tmxfile",
        parsed.parse,
        `${parsed.units} units (parse only)`,
      ]);
      rows.push([
        "baseline: translate-toolkit + all texts",
        parsed.texts,
        `${parsed.chars} characters read`,
      ]);
    } else {
      console.log(
        `translate-toolkit baseline unavailable: ${tt.stderr.split("\n").slice(-2).join(" ")}`,
      );
    }
    const load = loadavg()[0]!.toFixed(1);
    console.log(
      `formats bench: ${units} units × 3 languages (node ${process.version}, ${cpus().length} CPUs, load ${load})`,
    );
    for (const [name, f, note] of rows) {
      console.log(
        `  ${name.padEnd(42)} ${f.ms.toFixed(0).padStart(6)} ms wall ${f.cpuMs.toFixed(0).padStart(6)} ms CPU   peak RSS ${f.maxRssMb.toFixed(0).padStart(5)} MB   ${note}`,
      );
    }
    console.log(
      `  TMX export target < 500 ms: ${exportTmx.ms < 500 ? "met" : "NOT met"} (${exportTmx.ms.toFixed(0)} ms wall, ${exportTmx.cpuMs.toFixed(0)} ms CPU)`,
    );
    if (baseline) {
      const wall = baseline.ms / importTmx.ms;
      const cpu = baseline.cpuMs / importTmx.cpuMs;
      console.log(
        `  TMX import vs translate-toolkit reading all texts: ${wall.toFixed(2)}× by wall time, ${cpu.toFixed(2)}× by CPU time ` +
          `(> 1 = faster; target ≥ 2× at no more memory: ${wall >= 2 && cpu >= 2 && importTmx.maxRssMb <= baseline.maxRssMb ? "met" : "NOT met"})`,
      );
    }
    console.log(
      `  TMX import vs the XML parser alone: ${(importTmx.cpuMs / parseOnly.cpuMs).toFixed(2)}× its CPU time (1 = the parser's ceiling)`,
    );
    const fileMb = statSync(tmx).size / 1e6;
    console.log(
      `  TMX import peak RSS ${importTmx.maxRssMb.toFixed(0)} MB for a ${fileMb.toFixed(1)} MB file` +
        (baseline ? ` (translate-toolkit ${baseline.maxRssMb.toFixed(0)} MB)` : "") +
        ": the file is read 1 MB at a time, so memory is the result's, not the file's",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === SELF;
if (isEntry && process.argv[2] === "--child")
  child(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
else if (isEntry) main();
