import type { CorpusFile } from "../../db/corpus-sync.ts";

/** The shipped Indonesian corpus (corpus/id/*.txt), bundled at build time. */
const modules = import.meta.glob<string>("/corpus/id/*.txt", {
  query: "?raw",
  import: "default",
  eager: true,
});

export const CORPUS_FILES: readonly CorpusFile[] = Object.entries(modules)
  .map(([path, text]) => ({ path: path.replace(/^\/corpus\//, ""), text }))
  .sort((a, b) => a.path.localeCompare(b.path));
