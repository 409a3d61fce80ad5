import type { BundleComment } from "../../model/bundle.ts";
import { isTargetLang, type TargetLang } from "../../model/languages.ts";
import { decodeCommentNote, encodeCommentNote, COMMENT_NOTE_PREFIX } from "../comment-note.ts";

/** The header of a language's comment column: "vi comments". */
export function commentColumnHeader(lang: TargetLang): string {
  return `${lang} comments`;
}

/** The language of a comment column header ("vi comments", "EN Comments"), else null. */
export function commentColumnLang(header: string): TargetLang | null {
  const match = /^\s*([a-z]{2,3})\s+comments\s*$/i.exec(header);
  const lang = match?.[1]?.toLowerCase() ?? "";
  return isTargetLang(lang) ? lang : null;
}

/**
 * A thread in one cell: one encoded comment note per comment, one after the other on new lines. A
 * line of a comment's text that starts with a backslash or the note prefix gets a backslash in
 * front, so that no text can pass for the start of another comment.
 */
export function joinCommentCell(comments: readonly BundleComment[]): string {
  return comments
    .map((c) =>
      encodeCommentNote({ ...c, text: c.text.replace(LINE_TO_ESCAPE, (m) => `${m[0]}\\`) }),
    )
    .join("\n");
}

const LINE_TO_ESCAPE = /\n(?=\\|\[selaras-comment )/g;
const ESCAPED_LINE = /\n\\/g;

/** Comments of a cell written by joinCommentCell; plain text there (typed by hand) is ignored. */
export function splitCommentCell(cell: string): BundleComment[] {
  if (cell === "") return [];
  const parts = cell.split(new RegExp(`\\r?\\n(?=${COMMENT_NOTE_PREFIX.replace("[", "\\[")})`));
  return parts.flatMap((p) => {
    const decoded = decodeCommentNote(p);
    if (!decoded) return [];
    return [{ ...decoded.comment, text: decoded.comment.text.replace(ESCAPED_LINE, "\n") }];
  });
}
