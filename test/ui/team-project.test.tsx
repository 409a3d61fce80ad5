import { describe, expect, it } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeTeamServer } from "./team/fake-team-server.ts";
import { renderTeamApp } from "./team-helpers.tsx";
import { gotoDocument } from "../helpers/render-app.tsx";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { i18n } from "../../src/i18n/index.ts";

function signedInServer() {
  const server = new FakeTeamServer();
  const lan = server.addUser("Lan Nguyễn", "password-1");
  server.session = lan;
  return { server, lan };
}

describe("team projects", () => {
  it("shares a local document into a new project: marker with the project's name, pushed", async () => {
    const user = userEvent.setup();
    const { server } = signedInServer();
    const { db } = await renderTeamApp(server, { signedIn: true });
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("Lan"));
    expect(screen.queryByTestId("shared-marker")).toBeNull();
    await user.click(
      screen.getByRole("button", { name: "Share Berita Pertama to a team project" }),
    );
    const dialog = await screen.findByTestId("share-dialog");
    await user.type(within(dialog).getByTestId("share-new-name"), "Berita Desember");
    await user.click(within(dialog).getByTestId("share-submit"));
    expect(await within(dialog).findByTestId("share-progress")).toHaveTextContent(
      "Berita Desember",
    );
    const marker = await screen.findByTestId("shared-marker");
    await waitFor(() =>
      expect(screen.getByTestId("shared-marker")).toHaveAccessibleName(
        "Shared in the team project Berita Desember",
      ),
    );
    expect(marker.querySelector("svg")).not.toBeNull();
    const doc = (await db.documents.toArray()).find((d) => d.title === "Berita Pertama")!;
    expect(doc.projectId).toBe([...server.projects.keys()][0]);
    await waitFor(() =>
      expect(server.pushed.flatMap((p) => p.mutations.map((m) => m.label))).toContain("share"),
    );
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    // A shared document offers no second share.
    expect(screen.queryByRole("button", { name: /Share Berita Pertama/ })).toBeNull();
    // The pill appears once a project is joined.
    expect(await screen.findByTestId("sync-pill")).toBeInTheDocument();
    await user.click(within(dialog).getByTestId("share-close"));
    await waitFor(() => expect(screen.queryByTestId("share-dialog")).toBeNull());
  });

  it("accepts an invitation after signing in; the project is joined and listed", async () => {
    const user = userEvent.setup();
    const server = new FakeTeamServer();
    const owner = server.addUser("Budi", "password-1");
    server.addUser("Lan", "password-2");
    const project = server.addProject("Tim Berita", owner);
    server.addInvite("tok-1", project, "reviewer");
    const { db } = await renderTeamApp(server, { inviteToken: "tok-1" });
    const dialog = await screen.findByTestId("invite-dialog");
    expect(await within(dialog).findByTestId("invite-project")).toHaveTextContent("Tim Berita");
    expect(within(dialog).getByTestId("invite-role-shown")).toHaveTextContent("Reviewer");
    expect(dialog).toHaveTextContent("Budi");
    await user.click(within(dialog).getByTestId("invite-signin"));
    const signIn = await screen.findByTestId("sign-in-dialog");
    await user.type(within(signIn).getByTestId("sign-in-login"), "Lan");
    await user.type(within(signIn).getByTestId("sign-in-password"), "password-2");
    await user.click(within(signIn).getByTestId("sign-in-submit"));
    expect(
      await screen.findByTestId("invite-accepted", undefined, { timeout: 5000 }),
    ).toHaveTextContent("You joined Tim Berita");
    expect(project.members.get(server.session!.id)?.role).toBe("reviewer");
    await waitFor(async () => expect((await db.syncState.get(project.id))?.role).toBe("reviewer"), {
      timeout: 5000,
    });
    await user.click(screen.getByTestId("invite-close"));
    await waitFor(() => expect(screen.queryByTestId("invite-dialog")).toBeNull());
  });

  it("an invitation opened on a first start waits until the profile is given: one dialog at a time", async () => {
    const user = userEvent.setup();
    const server = new FakeTeamServer();
    const owner = server.addUser("Budi", "password-1");
    const project = server.addProject("Tim Berita", owner);
    server.addInvite("tok-3", project, "reviewer");
    await renderTeamApp(server, { inviteToken: "tok-3", noProfile: true });
    const profile = await screen.findByTestId("profile-dialog");
    // The server has answered (the account tools are there): still only the profile is asked.
    await screen.findByTestId("account-menu");
    expect(screen.queryByTestId("invite-dialog")).toBeNull();
    await user.type(within(profile).getByTestId("profile-name"), "Rina");
    await user.click(within(profile).getByTestId("profile-role-reviewer"));
    await user.click(within(profile).getByTestId("profile-save"));
    const dialog = await screen.findByTestId("invite-dialog");
    expect(await within(dialog).findByTestId("invite-project")).toHaveTextContent("Tim Berita");
    expect(screen.queryByTestId("profile-dialog")).toBeNull();
  });

  it("a used invitation says so, localized", async () => {
    const { server } = signedInServer();
    const project = server.addProject("Tim", server.session!);
    server.addInvite("tok-2", project, "viewer", true);
    const user = userEvent.setup();
    await renderTeamApp(server, { signedIn: true, inviteToken: "tok-2" });
    const dialog = await screen.findByTestId("invite-dialog");
    await user.click(await within(dialog).findByTestId("invite-accept"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "This invitation has already been used.",
    );
  });

  it("the owner changes a member's role and creates an invitation link; last owner refused", async () => {
    const user = userEvent.setup();
    const { server, lan } = signedInServer();
    const budi = server.addUser("Budi", "password-3");
    const project = server.addProject("Tim Berita", lan, [[budi, "translator"]]);
    await renderTeamApp(server, { signedIn: true });
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("Lan"));
    await user.click(screen.getByTestId("account-menu"));
    await user.click(screen.getByRole("menuitem", { name: "Members…" }));
    const dialog = await screen.findByTestId("members-dialog");
    expect(dialog).toHaveAccessibleName("Members of Tim Berita");
    const rows = await within(dialog).findAllByTestId("member-row");
    expect(rows.map((r) => r.dataset.role)).toEqual(["owner", "translator"]);
    await user.selectOptions(within(dialog).getByLabelText("Role of Budi"), "reviewer");
    await waitFor(() => expect(project.members.get(budi.id)?.role).toBe("reviewer"));
    await waitFor(() =>
      expect(within(dialog).getAllByTestId("member-row")[1]).toHaveAttribute(
        "data-role",
        "reviewer",
      ),
    );
    await user.selectOptions(within(dialog).getByLabelText("Role of Lan Nguyễn"), "viewer");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "A project needs at least one owner.",
    );
    await user.selectOptions(within(dialog).getByTestId("invite-role"), "translator");
    await user.selectOptions(within(dialog).getByTestId("invite-langs"), "vi");
    await user.click(within(dialog).getByTestId("invite-create"));
    const link = await within(dialog).findByTestId("invite-link");
    expect((link as HTMLInputElement).value).toMatch(/\/\?invite=tok\d+$/);
    const token = (link as HTMLInputElement).value.split("invite=")[1]!;
    expect(server.invites.get(token)).toMatchObject({ role: "translator", langs: ["vi"] });
    await user.click(within(dialog).getByTestId("members-close"));
    await waitFor(() => expect(screen.queryByTestId("members-dialog")).toBeNull());
    expect(screen.getByTestId("account-menu")).toHaveFocus();
  });

  it("shows who else is in the document and marks their cell with their name", async () => {
    const { server, lan } = signedInServer();
    const project = server.addProject("Tim", lan);
    const { db } = await renderTeamApp(server, { signedIn: true });
    await waitFor(async () => expect(await db.syncState.get(project.id)).toBeDefined());
    const doc = (await db.documents.toArray()).find((d) => d.title === "Berita Pertama")!;
    await db.documents.update(doc.id, { projectId: project.id });
    const segments = await segmentsOf(db, doc.id);
    gotoDocument(doc.id);
    await screen.findByTestId("source-0");
    await waitFor(() => expect(server.sockets.length).toBeGreaterThan(0));
    await waitFor(() => expect(server.sockets[0]!.readyState).toBe(1));
    act(() =>
      server.presence(project.id, [
        {
          clientId: "other",
          userId: "u9",
          name: "Budi Santoso",
          docId: doc.id,
          cell: { segmentId: segments[1]!.id, lang: "vi" },
        },
        { clientId: "third", userId: "u10", name: "Citra", docId: "elsewhere", cell: null },
      ]),
    );
    const names = await screen.findByTestId("presence-names");
    expect(names).toHaveTextContent("Budi Santoso");
    expect(names).not.toHaveTextContent("Citra");
    const marker = await screen.findByTestId("presence-vi-1");
    expect(within(marker).getByRole("img")).toHaveAccessibleName("Budi Santoso is in this cell");
    expect(marker).toHaveTextContent("BS");
    await act(() => i18n.changeLanguage("id"));
    expect(within(marker).getByRole("img")).toHaveAccessibleName("Budi Santoso ada di sel ini");
    await act(() => i18n.changeLanguage("en"));
    // Focusing a cell tells the server where this user is.
    screen.getByTestId("target-vi-0").focus();
    await waitFor(() =>
      expect(server.sockets[0]!.sent.map((s) => JSON.parse(s) as { cell: unknown })).toContainEqual(
        expect.objectContaining({
          docId: doc.id,
          cell: { segmentId: segments[0]!.id, lang: "vi" },
        }),
      ),
    );
  });

  it("lists a refused change with its localized reason from the pill, and dismisses it", async () => {
    const user = userEvent.setup();
    const { server, lan } = signedInServer();
    const project = server.addProject("Tim", lan);
    server.refuse = { label: "edit", code: "sync.forbidden_lang" };
    const { db } = await renderTeamApp(server, { signedIn: true });
    await waitFor(async () => expect(await db.syncState.get(project.id)).toBeDefined());
    const doc = (await db.documents.toArray()).find((d) => d.title === "Berita Pertama")!;
    await db.documents.update(doc.id, { projectId: project.id });
    const [first] = await segmentsOf(db, doc.id);
    await db.transaction("rw", db.tables, async () => undefined);
    await saveTranslation(db, {
      segmentId: first!.id,
      lang: "en",
      text: "The president.",
      user: "Lan",
    });
    const pill = await screen.findByTestId("sync-pill");
    await waitFor(() =>
      expect(screen.getByTestId("sync-refused-count")).toHaveTextContent("1 refused"),
    );
    await user.click(pill);
    const list = await screen.findByTestId("refused-list");
    const item = await within(list).findByTestId("refused-item");
    expect(within(item).getByTestId("refused-reason")).toHaveTextContent(
      "You may only change the languages assigned to you in this project.",
    );
    expect(item).toHaveTextContent("Berita Pertama");
    await user.click(within(item).getByTestId("refused-dismiss"));
    await waitFor(() => expect(within(list).queryByTestId("refused-item")).toBeNull());
    expect(list).toHaveTextContent("No refused changes.");
  });

  it("names a refused glossary change as one of the glossary, not of a removed document", async () => {
    const user = userEvent.setup();
    const { server, lan } = signedInServer();
    const project = server.addProject("Tim", lan);
    server.refuse = { label: "glossary-add", code: "sync.forbidden_role" };
    const { db } = await renderTeamApp(server, { signedIn: true });
    await waitFor(async () => expect(await db.syncState.get(project.id)).toBeDefined());
    const { addConcept } = await import("../../src/db/operations/glossary.ts");
    await addConcept(db, {
      terms: [
        { lang: "id", text: "banjir" },
        { lang: "vi", text: "lũ lụt" },
      ],
    });
    await waitFor(() =>
      expect(screen.getByTestId("sync-refused-count")).toHaveTextContent("1 refused"),
    );
    await user.click(await screen.findByTestId("sync-pill"));
    const item = await within(await screen.findByTestId("refused-list")).findByTestId(
      "refused-item",
    );
    expect(item).toHaveTextContent("Adding a term in the glossary");
    expect(item).not.toHaveTextContent("a removed document");
  });

  it("applies a refused change again from the sync dialog: a new mutation, accepted this time", async () => {
    const user = userEvent.setup();
    const { server, lan } = signedInServer();
    const project = server.addProject("Tim", lan);
    server.refuse = { label: "edit", code: "sync.forbidden_lang" };
    const { db } = await renderTeamApp(server, { signedIn: true });
    await waitFor(async () => expect(await db.syncState.get(project.id)).toBeDefined());
    const doc = (await db.documents.toArray()).find((d) => d.title === "Berita Pertama")!;
    await db.documents.update(doc.id, { projectId: project.id });
    const [first] = await segmentsOf(db, doc.id);
    await saveTranslation(db, { segmentId: first!.id, lang: "en", text: "The head.", user: "Lan" });
    await waitFor(() =>
      expect(screen.getByTestId("sync-refused-count")).toHaveTextContent("1 refused"),
    );
    const refusedId = (await db.outbox.count()) === 0 ? 1 : 0;
    await user.click(screen.getByTestId("sync-pill"));
    const list = await screen.findByTestId("refused-list");
    const item = await within(list).findByTestId("refused-item");
    // The language is assigned now: the server takes the change applied again.
    server.refuse = null;
    const again = within(item).getByTestId("refused-apply-again");
    expect(again).toHaveAccessibleName(/Apply the refused change .* again/);
    await user.click(again);
    await waitFor(() => expect(within(list).queryByTestId("refused-item")).toBeNull());
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect((await db.translations.get(`${first!.id}:en`))?.text).toBe("The head.");
    expect(refusedId).toBe(1);
  });

  it("the pill says offline with the waiting changes when the server stops answering", async () => {
    const { server, lan } = signedInServer();
    const project = server.addProject("Tim", lan);
    const { db } = await renderTeamApp(server, { signedIn: true });
    await waitFor(() => expect(screen.getByTestId("sync-pill")).toHaveTextContent(/Synced/));
    const doc = (await db.documents.toArray()).find((d) => d.title === "Berita Pertama")!;
    await db.documents.update(doc.id, { projectId: project.id });
    server.offline = true;
    const [first] = await segmentsOf(db, doc.id);
    await saveTranslation(db, {
      segmentId: first!.id,
      lang: "vi",
      text: "Tổng thống.",
      user: "Lan",
    });
    await waitFor(() =>
      expect(screen.getByTestId("sync-pill")).toHaveTextContent("Offline — 1 change waiting"),
    );
    expect(screen.getByTestId("sync-pill")).toHaveAttribute("data-state", "offline");
  });
});
