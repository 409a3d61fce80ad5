import { Fragment } from "react";
import type { PhraseSpan } from "../../core/tm/concordance.ts";
import { foldText } from "../workers/tm-engine.ts";

/** Parts of a text split around each occurrence of a phrase (case folded), hits marked. */
export function hitParts(text: string, phrase: string): Array<{ text: string; hit: boolean }> {
  const shown = text.normalize("NFC");
  const folded = foldText(shown);
  const needle = foldText(phrase.trim());
  // Folding kept every offset (the usual case for id/vi/en): cut the text as written.
  if (needle === "" || folded.length !== shown.length) return [{ text: shown, hit: false }];
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
    if (i > at) parts.push({ text: shown.slice(at, i), hit: false });
    parts.push({ text: shown.slice(i, i + needle.length), hit: true });
    at = i + needle.length;
  }
  if (at < shown.length) parts.push({ text: shown.slice(at), hit: false });
  return parts;
}

/** Parts of a text cut at given spans (NFC offsets, in order, not overlapping), the spans marked. */
export function spanParts(
  text: string,
  spans: readonly PhraseSpan[],
): Array<{ text: string; hit: boolean }> {
  const shown = text.normalize("NFC");
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > shown.length) continue;
    if (s.start > at) parts.push({ text: shown.slice(at, s.start), hit: false });
    parts.push({ text: shown.slice(s.start, s.end), hit: true });
    at = s.end;
  }
  if (at < shown.length) parts.push({ text: shown.slice(at), hit: false });
  return parts;
}

/** A text with the phrase marked: where the search found it (`spans`), else each occurrence. */
export function Highlighted({
  text,
  phrase,
  spans,
}: {
  text: string;
  phrase: string;
  spans?: readonly PhraseSpan[] | undefined;
}) {
  return (
    <>
      {(spans ? spanParts(text, spans) : hitParts(text, phrase)).map((p, i) =>
        p.hit ? (
          <mark key={i} className="tm-hit">
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
