import { fireEvent, render, screen } from "@testing-library/react";
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

/** Navigates the rendered app to a document's grid (by id), as a click on its link would. */
export function gotoDocument(docId: string): void {
  window.location.hash = `#/doc/${docId}`;
  fireEvent(window, new HashChangeEvent("hashchange"));
}

/** Waits for the document list, opens the document with this title, and returns its id. */
export async function openDocument(title = "Berita Pertama"): Promise<string> {
  const row = (await screen.findAllByTestId("doc-row")).find((r) => r.dataset.docTitle === title);
  if (!row?.dataset.docId) throw new Error(`no document titled ${title}`);
  gotoDocument(row.dataset.docId);
  await screen.findByTestId("source-0");
  return row.dataset.docId;
}
