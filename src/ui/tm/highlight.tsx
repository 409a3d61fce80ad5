import { Fragment } from "react";
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

export function Highlighted({ text, phrase }: { text: string; phrase: string }) {
  return (
    <>
      {hitParts(text, phrase).map((p, i) =>
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
