import type { TargetLang } from "../../core/model/languages.ts";
import type { DocumentOrigin } from "../../core/model/records.ts";

/**
 * The shipped translations of the corpus articles (corpus/vi/*.txt, corpus/en/*.txt), bundled at
 * build time as the ready example of the align workflow. Keyed "vi/<name>.txt", "en/<name>.txt".
 */
const modules = import.meta.glob<string>(["/corpus/vi/*.txt", "/corpus/en/*.txt"], {
  query: "?raw",
  import: "default",
  eager: true,
});

const EXAMPLE_TRANSLATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries(modules).map(([path, text]) => [path.replace(/^\/corpus\//, ""), text]),
);

/**
 * The shipped translation of a corpus source file: "id/<name>.txt" → the text of
 * "<lang>/<name>.txt" (same file name, corpus/README.md), or undefined when there is none.
 */
export function exampleTranslation(
  corpusPath: string,
  lang: TargetLang,
  files: ReadonlyMap<string, string> = EXAMPLE_TRANSLATIONS,
): string | undefined {
  const name = corpusPath.slice(corpusPath.lastIndexOf("/") + 1);
  const text = files.get(`${lang}/${name}`);
  return text === undefined || text.trim() === "" ? undefined : text;
}

/** The example translation of a document that came from the corpus; undefined for other documents. */
export function exampleTranslationFor(
  origin: DocumentOrigin,
  lang: TargetLang,
  files: ReadonlyMap<string, string> = EXAMPLE_TRANSLATIONS,
): string | undefined {
  return origin.kind === "corpus" ? exampleTranslation(origin.path, lang, files) : undefined;
}
