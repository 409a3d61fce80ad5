import { afterEach, describe, expect, it } from "vitest";
import { readMemoryFile } from "../../../src/core/format/read-memory-file.ts";
import { fileByteSource } from "../../../src/ui/workers/file-byte-source.ts";

/** A Blob stand-in whose slices FileReaderSync (stubbed: workers only) reads, counting the reads. */
function fakeFile(bytes: Uint8Array) {
  const reads: [number, number][] = [];
  const slice = (start = 0, end = bytes.length) => ({
    bytes,
    start,
    end: Math.min(end, bytes.length),
  });
  class FakeReaderSync {
    readAsArrayBuffer(blob: ReturnType<typeof slice>): ArrayBuffer {
      reads.push([blob.start, blob.end]);
      return blob.bytes.slice(blob.start, blob.end).buffer;
    }
  }
  (globalThis as Record<string, unknown>)["FileReaderSync"] = FakeReaderSync;
  return { file: { size: bytes.length, slice } as unknown as Blob, reads };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)["FileReaderSync"];
});

describe("fileByteSource (the import worker's view of a File)", () => {
  it("gives every range's bytes, reading the file in 1 MB blocks", () => {
    const bytes = new Uint8Array(3_500_000).map((_, i) => (i * 7) % 251);
    const { file, reads } = fakeFile(bytes);
    const source = fileByteSource(file);
    expect(source.size).toBe(bytes.length);
    for (const [start, end] of [
      [0, 512],
      [0, 65_536],
      [1_048_000, 1_049_000],
      [2_000_000, 3_500_000],
      [3_499_990, 3_500_000],
      [10, 20],
    ] as const) {
      const got = source.read(start, end);
      const want = bytes.subarray(start, end);
      expect(got.length === want.length && got.every((b, i) => b === want[i])).toBe(true);
    }
    expect(reads.every(([s, e]) => e - s <= 1_500_000)).toBe(true);
    expect(reads.length).toBeLessThan(6);
  });

  it("feeds the TMX import, which then reads the whole file in order, a block at a time", () => {
    const units = Array.from(
      { length: 20_000 },
      (_, i) => `<tu tuid="u${i}"><tuv xml:lang="id"><seg>Kalimat ${i} ệ</seg></tuv></tu>`,
    );
    const text = `<tmx version="1.4"><header srclang="id" creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>${units.join("\n")}</body></tmx>`;
    const { file, reads } = fakeFile(new TextEncoder().encode(text));
    const result = readMemoryFile(fileByteSource(file), "big.tmx");
    expect(result.bundle.documents[0]!.segments).toHaveLength(20_000);
    expect(reads.length).toBe(Math.ceil(file.size / (1024 * 1024)));
  });
});
