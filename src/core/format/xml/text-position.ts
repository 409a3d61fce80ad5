import type { ByteSource } from "../byte-source.ts";
import { textDecoder } from "../txt/decode.ts";

/** Where something is in a text: line and column from 1, as the XML parser (saxes) counts them. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Counts lines and columns over text given piece by piece: a line ends at LF, CR LF or CR (XML's
 * line ends); columns count characters (a surrogate pair is one), so the numbers match those of
 * parse errors. Used only when a file is refused, so it may look at every character.
 */
export class PositionCounter {
  line = 1;
  column = 1;
  private afterCr = false;

  advance(text: string): this {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        if (!this.afterCr) this.line++;
        this.column = 1;
        this.afterCr = false;
      } else if (c === 0x0d) {
        this.line++;
        this.column = 1;
        this.afterCr = true;
      } else {
        this.afterCr = false;
        if (c < 0xdc00 || c > 0xdfff) this.column++;
      }
    }
    return this;
  }

  get position(): TextPosition {
    return { line: this.line, column: this.column };
  }
}

/** The position of `text[index]`. */
export function positionInText(text: string, index: number): TextPosition {
  return new PositionCounter().advance(text.slice(0, index)).position;
}

const CHUNK = 64 * 1024;

/**
 * The position, in the text decoded as `label` from `bytes[start…]`, of the first bytes that are not
 * a character (TextDecoder says only that some are not). The chunk that fails is found first, then
 * decoded again byte by byte with the decoder's state carried over from the chunks before it, so a
 * character split across chunks is no false alarm. Costs a second reading of the file up to the bad
 * bytes, only when a file is refused.
 */
export function decodeErrorPosition(bytes: ByteSource, start: number, label: string): TextPosition {
  let failing = -1;
  const probe = textDecoder(label);
  for (let at = start; at < bytes.size && failing < 0; at += CHUNK) {
    const end = Math.min(bytes.size, at + CHUNK);
    try {
      probe.decode(bytes.read(at, end), { stream: end < bytes.size });
    } catch {
      failing = at;
    }
  }
  const counter = new PositionCounter();
  if (failing < 0) return counter.position;
  const decoder = textDecoder(label);
  for (let at = start; at < failing; at += CHUNK) {
    counter.advance(
      decoder.decode(bytes.read(at, Math.min(failing, at + CHUNK)), { stream: true }),
    );
  }
  // A copy: a source may reuse the memory of a view for its next read.
  const piece = bytes.read(failing, Math.min(bytes.size, failing + CHUNK)).slice();
  try {
    for (let i = 0; i < piece.length; i++) {
      counter.advance(decoder.decode(piece.subarray(i, i + 1), { stream: true }));
    }
    // The file ends inside a character: the bytes of that last character are the bad ones.
    decoder.decode(new Uint8Array(0));
  } catch {
    // The bytes that made the sequence invalid start where the counter is.
  }
  return counter.position;
}

/**
 * A counter at the character that `bytes[stop]` starts, in the text decoded as `label` from
 * `start` (a character begun before `stop` and ended after it is not counted).
 */
export function countToByte(
  bytes: ByteSource,
  start: number,
  stop: number,
  label: string,
): PositionCounter {
  const decoder = textDecoder(label, false);
  const counter = new PositionCounter();
  for (let at = start; at < stop; at += CHUNK) {
    counter.advance(decoder.decode(bytes.read(at, Math.min(stop, at + CHUNK)), { stream: true }));
  }
  return counter;
}
