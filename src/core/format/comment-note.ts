import type { BundleComment } from "../model/bundle.ts";
import { isTargetLang, type TargetLang } from "../model/languages.ts";

/**
 * Comments travel in TMX `<note>`s, XLIFF notes and table cells as their text behind a prefix that
 * Selaras recognizes and other tools show as it is:
 * `[selaras-comment {"id":"c1","lang":"vi","author":"Rina","at":"2026-…Z","open":true}] The text`.
 * The header is JSON with `]` escaped, so it ends at the first `]`.
 */
export const COMMENT_NOTE_PREFIX = "[selaras-comment ";

export function encodeCommentNote(comment: BundleComment, lang?: TargetLang): string {
  const header: Record<string, unknown> = { id: comment.id };
  if (lang) header["lang"] = lang;
  header["author"] = comment.author;
  header["at"] = comment.at;
  header["open"] = comment.open;
  if (comment.resolvedBy !== undefined) header["resolvedBy"] = comment.resolvedBy;
  if (comment.resolvedAt !== undefined) header["resolvedAt"] = comment.resolvedAt;
  return `${COMMENT_NOTE_PREFIX}${JSON.stringify(header).replace(/\]/g, "\\u005d")}] ${comment.text}`;
}

export function isCommentNote(text: string): boolean {
  return text.startsWith(COMMENT_NOTE_PREFIX);
}

/** The comment a note carries, or null when the note is not one of ours (or is damaged). */
export function decodeCommentNote(
  text: string,
): { comment: BundleComment; lang: TargetLang | null } | null {
  if (!isCommentNote(text)) return null;
  const end = text.indexOf("]", COMMENT_NOTE_PREFIX.length);
  if (end < 0) return null;
  let header: unknown;
  try {
    header = JSON.parse(text.slice(COMMENT_NOTE_PREFIX.length, end));
  } catch {
    return null;
  }
  if (typeof header !== "object" || header === null) return null;
  const h = header as Record<string, unknown>;
  if (typeof h["id"] !== "string" || h["id"] === "") return null;
  if (typeof h["author"] !== "string" || typeof h["at"] !== "string") return null;
  const body = text.slice(end + 1);
  const comment: BundleComment = {
    id: h["id"],
    author: h["author"],
    at: h["at"],
    text: body.startsWith(" ") ? body.slice(1) : body,
    open: h["open"] !== false,
  };
  if (typeof h["resolvedBy"] === "string") comment.resolvedBy = h["resolvedBy"];
  if (typeof h["resolvedAt"] === "string") comment.resolvedAt = h["resolvedAt"];
  const lang = typeof h["lang"] === "string" && isTargetLang(h["lang"]) ? h["lang"] : null;
  return { comment, lang };
}
