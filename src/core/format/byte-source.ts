/**
 * A file's bytes, read a range at a time. Readers that stream (TMX) take one, so the whole file
 * never has to be in memory: a Web Worker reads a File in blocks (see ui/workers), the CLI and
 * tests pass a Uint8Array.
 */
export interface ByteSource {
  readonly size: number;
  /** Bytes [start, end), end ≤ size. The result may be a view that the next read reuses. */
  read(start: number, end: number): Uint8Array;
}

export function byteSource(input: Uint8Array | ByteSource): ByteSource {
  if (!(input instanceof Uint8Array)) return input;
  return { size: input.length, read: (start, end) => input.subarray(start, end) };
}

/** All the bytes at once, for the readers that need the whole text (JSON, XLIFF, TSV). */
export function readAllBytes(input: Uint8Array | ByteSource): Uint8Array {
  return input instanceof Uint8Array ? input : input.read(0, input.size);
}
