import type { ByteSource } from "../../core/format/byte-source.ts";

/** FileReaderSync exists in dedicated workers only (the WebWorker lib, not the DOM one we build with). */
interface FileReaderSyncLike {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}
type FileReaderSyncCtor = new () => FileReaderSyncLike;

/** Bytes read from the File per block: few reads, and little memory for a 100 MB file. */
const BLOCK = 1024 * 1024;

/**
 * A File read block by block with FileReaderSync, for a Web Worker: the import reads a 100 MB TMX
 * while holding about one megabyte of it (plus the result), never the whole file.
 */
export function fileByteSource(file: Blob): ByteSource {
  const Reader = (globalThis as unknown as { FileReaderSync: FileReaderSyncCtor }).FileReaderSync;
  const reader = new Reader();
  let blockStart = 0;
  let block = new Uint8Array(0);
  return {
    size: file.size,
    read(start, end) {
      if (start < blockStart || end > blockStart + block.length) {
        blockStart = start;
        block = new Uint8Array(
          reader.readAsArrayBuffer(file.slice(start, Math.max(end, start + BLOCK))),
        );
      }
      return block.subarray(start - blockStart, end - blockStart);
    },
  };
}
