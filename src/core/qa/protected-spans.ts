import { CODE_END, CODE_START } from "../text/inline-marks.ts";
import type { TextRange } from "./types.ts";

/** Kinds of text that must travel into a translation unchanged. */
export type SpanKind = "code" | "url" | "email" | "file";

export interface ProtectedSpan extends TextRange {
  kind: SpanKind;
  text: string;
}

const CODE_RE = new RegExp(`${CODE_START}[^${CODE_START}${CODE_END}]*${CODE_END}`, "gu");
const URL_RE = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'“”‘’\uE000\uE001]+/giu;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const FILE_EXT =
  "jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|docx?|xlsx?|pptx?|odt|ods|txt|csv|tsv|json|xml|html?|zip|rar|7z|mp3|mp4|wav|mov|tmx|xliff|xlf|po|srt|exe|apk";
/** A file name: word characters with _ - . inside, a known extension; digit groups before it
 * (camera names such as "836154525 8 53 41.jpg") belong to it. */
const FILE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_.\\-/@])(?:\\d+ )*[\\p{L}\\p{N}_\\-]+(?:\\.[\\p{L}\\p{N}_\\-]+)*\\.(?:${FILE_EXT})(?![\\p{L}\\p{N}])`,
  "giu",
);
const TRAILING = /[.,;:!?)\]}»]+$/u;

function overlaps(spans: readonly TextRange[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/**
 * The inline codes, URLs, e-mail addresses and file names of a text, in text order, none
 * overlapping (a code wins over a URL inside it, a URL over a file name or address in it).
 */
export function protectedSpans(text: string): ProtectedSpan[] {
  const out: ProtectedSpan[] = [];
  const add = (kind: SpanKind, re: RegExp, trim: boolean) => {
    for (const m of text.matchAll(re)) {
      let raw = m[0];
      if (trim) raw = raw.replace(TRAILING, "");
      const start = m.index;
      const end = start + raw.length;
      if (raw === "" || overlaps(out, start, end)) continue;
      out.push({ kind, start, end, text: raw });
    }
  };
  add("code", CODE_RE, false);
  add("url", URL_RE, true);
  add("email", EMAIL_RE, false);
  add("file", FILE_RE, false);
  return out.sort((a, b) => a.start - b.start);
}

/** True when [start, end) lies inside one of the spans. */
export function inSpans(spans: readonly TextRange[], start: number, end: number): boolean {
  return spans.some((s) => s.start <= start && end <= s.end);
}
