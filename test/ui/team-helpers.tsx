import { render, screen } from "@testing-library/react";
import { App } from "../../src/ui/app/app.tsx";
import { saveProfile } from "../../src/db/operations/profile.ts";
import { SESSION_HINT_KEY } from "../../src/ui/team/team-context.tsx";
import { SMALL_CORPUS } from "../helpers/render-app.tsx";
import { freshDb } from "../helpers/fresh-db.ts";
import { FakeTeamServer } from "./team/fake-team-server.ts";

/** The whole app against a fake Selaras server (a profile exists, so no first-start dialog). */
export async function renderTeamApp(
  server = new FakeTeamServer(),
  options: {
    signedIn?: boolean;
    /** The session hint as a previous sign-in left it (the account, as JSON). */
    hint?: string | null;
    inviteToken?: string | null;
    hash?: string;
    /** A first start: no profile yet (the app asks for one). */
    noProfile?: boolean;
  } = {},
) {
  window.location.hash = options.hash ?? "#/";
  localStorage.clear();
  if (options.signedIn) localStorage.setItem(SESSION_HINT_KEY, "1");
  if (options.hint) localStorage.setItem(SESSION_HINT_KEY, options.hint);
  const db = await freshDb();
  if (!options.noProfile) await saveProfile(db, { name: "Lan (local)", role: "translator" });
  const view = render(
    <App
      db={db}
      corpus={SMALL_CORPUS}
      team={{
        baseUrl: "http://selaras.test/",
        fetch: server.fetch,
        WebSocket: server.WebSocket,
        inviteToken: options.inviteToken ?? null,
      }}
    />,
  );
  await screen.findAllByTestId("doc-row");
  return { db, server, ...view };
}
