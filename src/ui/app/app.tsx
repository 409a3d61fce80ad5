import { useEffect, useMemo, useState } from "react";
import { claimTabJournal } from "./tab-journal.ts";
import { useTranslation } from "react-i18next";
import { createDb, type SelarasDb } from "../../db/database.ts";
import { DbContext } from "../../db/db-context.ts";
import { installSpaceGuard, opfsSpaceStore, SpaceGuard } from "../../db/space-guard.ts";
import { Autosave, toErrorInfo } from "../../db/autosave.ts";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { AutosaveContext } from "./autosave-context.ts";
import { useHashRoute } from "./use-hash-route.ts";
import { AppHeader } from "./app-header.tsx";
import { StorageBanner } from "./storage-banner.tsx";
import { UpdateBanner } from "./update-banner.tsx";
import { DocumentList } from "../documents/document-list.tsx";
import { GridPage } from "../grid/grid-page.tsx";
import { SettingsPage } from "../settings/settings-page.tsx";
import { CORPUS_FILES } from "./corpus-files.ts";
import { startApp } from "./startup.ts";
import { askPersistenceOnce, browserPersistence } from "./persistence.ts";
import type { CorpusFile } from "../../db/corpus-sync.ts";
import { TeamProvider, type TeamDeps } from "../team/team-context.tsx";

export interface AppProps {
  /** Tests pass a fresh database and corpus; the real app uses the default ones. */
  db?: SelarasDb;
  corpus?: readonly CorpusFile[];
  /** Tests pass a fake server (fetch, WebSocket); the real app talks to its own origin. */
  team?: TeamDeps;
}

function browserJournal(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function App({ db: givenDb, corpus = CORPUS_FILES, team }: AppProps) {
  const { t } = useTranslation();
  const db = useMemo(() => {
    if (givenDb) return givenDb;
    const made = createDb();
    // Stop writing before the disk is full (a write that runs out of disk costs the data).
    installSpaceGuard(made, new SpaceGuard(opfsSpaceStore()));
    return made;
  }, [givenDb]);
  const autosave = useMemo(() => new Autosave(db, browserJournal()), [db]);
  const [ready, setReady] = useState(false);
  const [startError, setStartError] = useState<ErrorInfo | null>(null);
  const route = useHashRoute();

  useEffect(() => {
    let cancelled = false;
    claimTabJournal(browserJournal(), sessionStore())
      .then((tab) => startApp(db, corpus, browserJournal(), autosave, tab))
      .then(
        // A full storage does not stop the start (the autosave and the banner say so).
        () => {
          if (cancelled) return;
          setReady(true);
          // Once the data is there to keep: ask the browser not to delete it under pressure.
          void askPersistenceOnce(browserPersistence(), browserJournal());
        },
        (error: unknown) => !cancelled && setStartError(toErrorInfo(error)),
      );
    return () => {
      cancelled = true;
    };
  }, [db, corpus, autosave]);

  useEffect(() => () => autosave.dispose(), [autosave]);

  useEffect(() => {
    const flush = () => void autosave.flush();
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    window.addEventListener("hashchange", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("hashchange", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [autosave]);

  return (
    <DbContext.Provider value={db}>
      <AutosaveContext.Provider value={autosave}>
        <TeamProvider deps={team}>
          <div className="app">
            <AppHeader />
            <StorageBanner startError={startError} />
            <UpdateBanner />
            <main className="app-main">
              {!ready && !startError && (
                <p className="loading" role="status">
                  {t("loading")}
                </p>
              )}
              {ready && route.name === "documents" && <DocumentList />}
              {ready && route.name === "settings" && <SettingsPage />}
              {ready && route.name === "document" && (
                <GridPage key={route.docId} docId={route.docId} params={route.params} />
              )}
            </main>
          </div>
        </TeamProvider>
      </AutosaveContext.Provider>
    </DbContext.Provider>
  );
}
