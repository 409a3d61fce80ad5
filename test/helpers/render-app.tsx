import { render } from "@testing-library/react";
import { App } from "../../src/ui/app/app.tsx";
import type { CorpusFile } from "../../src/db/corpus-sync.ts";
import { freshDb } from "./fresh-db.ts";

export const SMALL_CORPUS: CorpusFile[] = [
  {
    path: "id/berita-pertama.txt",
    text: "Presiden membuka acara. Acara berlangsung dua hari.\nSumber: https://contoh.id/a.html",
  },
  { path: "id/berita-kedua.txt", text: "Menteri berbicara." },
];

/** Renders the whole app with a fresh database and a small corpus, at the given route. */
export async function renderApp(hash = "#/", corpus: CorpusFile[] = SMALL_CORPUS) {
  window.location.hash = hash;
  localStorage.clear();
  const db = await freshDb();
  const view = render(<App db={db} corpus={corpus} />);
  return { db, ...view };
}
