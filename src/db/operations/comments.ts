import type { SelarasDb } from "../database.ts";
import type { TargetLang } from "../../core/model/languages.ts";
import { AppError } from "../../core/model/app-error.ts";
import { newId, nowIso } from "../ids.ts";

export interface AddCommentInput {
  segmentId: string;
  lang: TargetLang;
  author: string;
  text: string;
}

/** Adds a comment to the thread of a segment and language; a comment reopens a resolved thread. */
export async function addComment(db: SelarasDb, input: AddCommentInput): Promise<string> {
  const text = input.text.trim();
  if (!text) throw new AppError("comment.empty", {});
  return db.transaction("rw", db.segments, db.comments, async () => {
    const segment = await db.segments.get(input.segmentId);
    if (!segment) throw new AppError("db.segmentMissing", { segmentId: input.segmentId });
    await db.comments
      .where("[segmentId+lang]")
      .equals([input.segmentId, input.lang])
      .modify({ open: 1 });
    const id = newId("c");
    await db.comments.add({
      id,
      docId: segment.docId,
      segmentId: input.segmentId,
      lang: input.lang,
      author: input.author,
      at: nowIso(),
      text,
      open: 1,
    });
    return id;
  });
}

/** Resolves (or reopens) the whole thread of a segment and language. */
export async function setThreadResolved(
  db: SelarasDb,
  segmentId: string,
  lang: TargetLang,
  resolved: boolean,
  user: string,
): Promise<void> {
  const at = nowIso();
  await db.comments
    .where("[segmentId+lang]")
    .equals([segmentId, lang])
    .modify((c) => {
      c.open = resolved ? 0 : 1;
      if (resolved) {
        c.resolvedBy = user;
        c.resolvedAt = at;
      } else {
        delete c.resolvedBy;
        delete c.resolvedAt;
      }
    });
}
