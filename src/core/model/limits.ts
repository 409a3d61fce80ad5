import { AppError } from "./app-error.ts";
import type { Bundle } from "./bundle.ts";

/**
 * What one document may hold (README "Limits"). A document beyond them would freeze the page that
 * shows it (a 50 MB segment took 38 s to open) or could not be shared (the sync protocol carries
 * strings of at most a million characters), so imports refuse it before anything is written, with
 * a message that says what to do instead.
 */
export const LIMITS = {
  /** Characters in one segment's source or in one target (about 30 pages of text). */
  segmentChars: 65_536,
  /** Segments in one document (ten times the size the grid is measured on). */
  documentSegments: 100_000,
  /** Bytes of one text file imported as a document. */
  textFileBytes: 64 * 1024 * 1024,
} as const;

/** Refuses a document with too many segments, or a segment or target longer than the limit. */
export function checkDocumentLimits(
  title: string,
  segments: readonly { source: string; targets?: readonly (string | undefined)[] }[],
): void {
  if (segments.length > LIMITS.documentSegments) {
    throw new AppError("import.tooManySegments", {
      title,
      count: segments.length,
      limit: LIMITS.documentSegments,
    });
  }
  segments.forEach((s, i) => {
    const longest = Math.max(s.source.length, ...(s.targets ?? []).map((t) => t?.length ?? 0));
    if (longest > LIMITS.segmentChars) {
      throw new AppError("import.segmentTooLong", {
        title,
        n: i + 1,
        length: longest,
        limit: LIMITS.segmentChars,
      });
    }
  });
}

/** `checkDocumentLimits` for every document of a bundle (its rows and its aligned cells). */
export function checkBundleLimits(bundle: Bundle): void {
  for (const doc of bundle.documents) {
    checkDocumentLimits(
      doc.title,
      doc.segments.map((s) => ({
        source: s.source,
        targets: Object.values(s.targets).map((t) => t?.text),
      })),
    );
    for (const cells of Object.values(doc.alignment ?? {})) {
      // A cell is named by the row it starts at (cells cover `span` rows in order).
      let row = 0;
      for (const cell of cells ?? []) {
        row += cell.span;
        if (cell.text.length > LIMITS.segmentChars) {
          throw new AppError("import.segmentTooLong", {
            title: doc.title,
            n: Math.max(1, row - cell.span + 1),
            length: cell.text.length,
            limit: LIMITS.segmentChars,
          });
        }
      }
    }
  }
}

/** Refuses a text file too large to import as a document (before it is read). */
export function checkTextFileSize(file: string, bytes: number): void {
  if (bytes > LIMITS.textFileBytes) {
    throw new AppError("import.fileTooLarge", {
      file,
      size: Math.ceil(bytes / (1024 * 1024)),
      limit: LIMITS.textFileBytes / (1024 * 1024),
    });
  }
}

/**
 * Refuses an edit that would make a segment's source or a target longer than the limit (typed,
 * pasted, replaced, inserted or merged): `edit.textTooLong` ({length, limit}). The autosave keeps
 * such a text pending and shown, unsaved, until it is shortened; nothing is written.
 */
export function checkEditedText(text: string): void {
  if (text.length > LIMITS.segmentChars) {
    throw new AppError("edit.textTooLong", { length: text.length, limit: LIMITS.segmentChars });
  }
}
