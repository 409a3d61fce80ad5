import { AppError } from "../../model/app-error.ts";
import type { Bundle } from "../../model/bundle.ts";
import type { Lang, TargetLang } from "../../model/languages.ts";
import { TARGET_LANGS } from "../../model/languages.ts";
import type { Status } from "../../model/status.ts";
import type { XliffStructure } from "./xliff-structure.ts";
import { documentsWithSegments } from "./xliff-common.ts";
import { writeXliff12 } from "./write-xliff12.ts";
import { writeXliff2 } from "./write-xliff2.ts";

export interface XliffFilesOptions {
  version: "1.2" | "2.0";
  /** Target languages asked for (default: every language some document can be translated into). */
  languages?: readonly TargetLang[];
  statuses?: readonly Status[];
  structure?: XliffStructure;
}

/** One XLIFF file: its target language and, for 2.0 (one srcLang per file), its source language. */
export interface XliffOutput {
  targetLang: TargetLang;
  /** Set when the bundle's documents have several source languages (2.0: one file each). */
  sourceLang?: Lang;
  text: string;
}

export interface XliffFilesResult {
  files: XliffOutput[];
  /** Languages asked for that no document can take (each document's source is that language). */
  empty: TargetLang[];
}

/**
 * The XLIFF files of a bundle: one per target language (XLIFF holds one), for 2.0 also one per
 * source language. A language that is the source of every document has nothing to translate
 * into and is left out (listed in `empty`), so an English-source document gives its Vietnamese
 * file (issue 11 class 8). Throws `xliff.nothing-to-export` ({languages, sources}) only when no
 * file at all can be written.
 */
export function writeXliffFiles(bundle: Bundle, options: XliffFilesOptions): XliffFilesResult {
  const docs = documentsWithSegments(bundle.documents);
  const sources = [...new Set(docs.map((d) => d.sourceLang))];
  const takes = (lang: TargetLang) => docs.some((d) => d.sourceLang !== lang);
  const asked = options.languages ?? TARGET_LANGS;
  const languages = asked.filter(takes);
  const empty = options.languages ? asked.filter((l) => !takes(l)) : [];
  const common = {
    ...(options.statuses ? { statuses: options.statuses } : {}),
    ...(options.structure ? { structure: options.structure } : {}),
  };
  const files: XliffOutput[] = [];
  for (const targetLang of languages) {
    if (options.version === "1.2") {
      // 1.2 names the source language per <file>: one file holds every source.
      files.push({ targetLang, text: writeXliff12(bundle, { targetLang, ...common }) });
      continue;
    }
    for (const sourceLang of sources) {
      if (sourceLang === targetLang) continue;
      files.push({
        targetLang,
        ...(sources.length > 1 ? { sourceLang } : {}),
        text: writeXliff2(bundle, { targetLang, sourceLang, ...common }),
      });
    }
  }
  if (files.length === 0)
    throw new AppError("xliff.nothing-to-export", {
      languages: asked.join(", "),
      sources: sources.join(", ") || "-",
    });
  return { files, empty };
}
