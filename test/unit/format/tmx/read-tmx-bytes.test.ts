import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { AppError } from "../../../../src/core/model/app-error.ts";
import type { ByteSource } from "../../../../src/core/format/byte-source.ts";
import { readMemoryFile } from "../../../../src/core/format/read-memory-file.ts";
import { readTmxBytes } from "../../../../src/core/format/tmx/read-tmx-bytes.ts";
import { readTmxWithReport } from "../../../../src/core/format/tmx/read-tmx.ts";
import { decodeXmlBytes } from "../../../../src/core/format/xml/decode-xml-bytes.ts";
import { REPO_ROOT } from "../../../helpers/xml-validators.ts";
import { extrasToJson } from "./tmx-fixture.ts";

vi.setConfig({ testTimeout: 60_000 });

const HEADER =
  '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>';

/** A TMX of n units whose texts put multi-byte characters across every 64 KB chunk boundary. */
function bigTmx(n: number): string {
  const units = Array.from(
    { length: n },
    (_, i) =>
      `<tu tuid="u${i}"><tuv xml:lang="id"><seg>Kalimat ${i} 👍 ệ</seg></tuv><tuv xml:lang="vi"><seg>Câu ${i} 🇻🇳 đ</seg></tuv></tu>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">${HEADER}<body>\n${units.join("\n")}\n</body></tmx>\n`;
}

function utf16(text: string, le: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = le ? c & 0xff : c >> 8;
    out[3 + i * 2] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

/**
 * Bytes read in odd-sized blocks into one reused buffer (what the ByteSource contract allows), and
 * the largest read seen: a streaming reader must ask for small ranges only.
 */
function blockSource(bytes: Uint8Array, block = 5000) {
  const buffer = new Uint8Array(block + 64 * 1024);
  const source: ByteSource & { largestRead: number } = {
    size: bytes.length,
    largestRead: 0,
    read(start, end) {
      source.largestRead = Math.max(source.largestRead, end - start);
      buffer.set(bytes.subarray(start, end));
      return buffer.subarray(0, end - start);
    },
  };
  return source;
}

function plain(result: ReturnType<typeof readTmxWithReport>) {
  return { bundle: result.bundle, report: result.report, extras: extrasToJson(result.extras) };
}

describe("readTmxBytes (streaming decode)", () => {
  const text = bigTmx(6000);

  it("gives what decoding the whole text gives, for UTF-8 and UTF-16 LE/BE across chunk boundaries", () => {
    const whole = plain(readTmxWithReport(text, { fileName: "big.tmx" }));
    expect(whole.bundle.documents[0]!.segments).toHaveLength(6000);
    for (const bytes of [new TextEncoder().encode(text), utf16(text, true), utf16(text, false)]) {
      expect(bytes.length).toBeGreaterThan(3 * 64 * 1024);
      expect(plain(readTmxBytes(bytes, "big.tmx"))).toStrictEqual(whole);
    }
  });

  it("reads the same from a ByteSource, in small ranges, as from the bytes (UTF-8, UTF-16, BOM)", () => {
    const whole = plain(readTmxWithReport(text, { fileName: "big.tmx" }));
    const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    for (const bytes of [new TextEncoder().encode(text), utf8Bom, utf16(text, false)]) {
      const source = blockSource(bytes);
      expect(plain(readTmxBytes(source, "big.tmx"))).toStrictEqual(whole);
      expect(source.largestRead).toBeLessThanOrEqual(64 * 1024);
    }
    const viaDispatcher = readMemoryFile(blockSource(new TextEncoder().encode(text)), "big.tmx");
    expect(viaDispatcher.bundle.documents[0]!.segments).toHaveLength(6000);
  });

  it("refuses a NUL byte anywhere (a binary file), from bytes or a ByteSource", () => {
    const bytes = new TextEncoder().encode(text);
    bytes[300_000] = 0;
    for (const input of [bytes, blockSource(bytes)]) {
      expect(() => readTmxBytes(input, "bin.tmx")).toThrowError(
        expect.objectContaining({ code: "tmx.binary" }) as Error,
      );
    }
  });

  it("matches decodeXmlBytes + readTmxWithReport on every fixture and sample", () => {
    const dirs = [
      path.join(REPO_ROOT, "test/fixtures/tmx"),
      path.resolve(REPO_ROOT, "../shared/samples/tmx"),
    ];
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".tmx"))) {
        const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
        const viaText = plain(
          readTmxWithReport(decodeXmlBytes(bytes, file, "tmx").text, { fileName: file }),
        );
        expect(plain(readTmxBytes(bytes, file)), file).toStrictEqual(viaText);
      }
    }
  });

  it("reports progress in bytes up to the file size", () => {
    const bytes = new TextEncoder().encode(text);
    const seen: number[] = [];
    readTmxBytes(bytes, "big.tmx", { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
  });

  it("finds invalid UTF-8 deep in the file and a bare & with its line", () => {
    const bytes = new TextEncoder().encode(text);
    const broken = bytes.slice();
    broken[200_000] = 0xff;
    const e1 = (() => {
      try {
        readTmxBytes(broken, "b.tmx");
      } catch (e) {
        return e as AppError;
      }
      throw new Error("no error");
    })();
    // Where: the character the bad byte is in (the text before it, counted independently).
    const before = new TextDecoder().decode(bytes.subarray(0, 200_000), { stream: true });
    const beforeLines = before.split("\n");
    expect([e1.code, e1.params]).toEqual([
      "tmx.encoding",
      {
        file: "b.tmx",
        encoding: "utf-8",
        line: beforeLines.length,
        column: [...beforeLines.at(-1)!].length + 1,
      },
    ]);
    const lines = text.split("\n");
    lines[5000] = lines[5000]!.replace("Kalimat", "Harga & naik");
    const e2 = (() => {
      try {
        readTmxBytes(new TextEncoder().encode(lines.join("\n")), "amp.tmx");
      } catch (e) {
        return e as AppError;
      }
      throw new Error("no error");
    })();
    expect(e2.code).toBe("tmx.not-well-formed");
    expect(e2.params).toMatchObject({ line: 5001, column: lines[5000]!.indexOf("&") + 1 });
  });
});
