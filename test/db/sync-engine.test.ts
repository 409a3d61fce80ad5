import { afterEach, describe, expect, it, vi } from "vitest";
import { createDb, type SelarasDb } from "../../src/db/database.ts";
import { importDocuments } from "../../src/db/operations/import-documents.ts";
import { saveTranslation } from "../../src/db/operations/save-translation.ts";
import { setStatus } from "../../src/db/operations/review.ts";
import { addComment } from "../../src/db/operations/comments.ts";
import { undo } from "../../src/db/operations/history.ts";
import { segmentsOf } from "../../src/db/queries/segment-rows.ts";
import { shareDocument } from "../../src/db/sync/share.ts";
import {
  RETRY_MAX_MS,
  RETRY_MIN_MS,
  SyncEngine,
  retryDelay,
  type SyncStatus,
} from "../../src/db/sync/engine.ts";
import { reapplyRefusedChange, refusedChanges } from "../../src/db/sync/refused.ts";
import { CLIENT_ID_KEY } from "../../src/db/sync/outbox.ts";
import type { Member, ProjectRole, PresenceEntry } from "../../src/core/sync/protocol.ts";
import { FakeServer, FakeTransport } from "./sync-fake-server.ts";

let counter = 0;
const running: SyncEngine[] = [];

afterEach(() => {
  for (const e of running.splice(0)) e.stop();
});

function member(userId: string, role: ProjectRole): Member {
  return { userId, name: userId, role, langs: null };
}

interface Client {
  name: string;
  db: SelarasDb;
  transport: FakeTransport;
  engine: SyncEngine;
}

/** A browser: its own IndexedDB database, a transport to the server, an engine, in the project. */
async function client(server: FakeServer, who: Member, name = `sync-${Date.now()}-${counter++}`) {
  const db = createDb(name);
  await db.open();
  const transport = new FakeTransport(server, who);
  const engine = new SyncEngine(db, transport);
  running.push(engine);
  await engine.start();
  await engine.joinProject({ id: server.projectId, name: "Tim", role: who.role, langs: null });
  return { name, db, transport, engine } satisfies Client;
}

/** A shared document of three rows made by `owner`, pushed, and pulled by every other client. */
async function sharedDocument(owner: Client, others: Client[]) {
  const [docId] = await importDocuments(owner.db, [
    { title: "Berita", sourceLang: "id", text: "Satu. Dua. Tiga.", origin: { kind: "user" } },
  ]);
  const ids = (await segmentsOf(owner.db, docId!)).map((s) => s.id);
  await shareDocument(owner.db, docId!, "p1");
  await owner.engine.syncNow();
  for (const c of others) await c.engine.syncNow();
  return { docId: docId!, ids };
}

const cellOf = (db: SelarasDb, segmentId: string, lang = "vi") =>
  db.translations.get(`${segmentId}:${lang}`);

describe("sync between browsers through the server", () => {
  it("a shared document arrives in the other browser's list; edits reach its IndexedDB live (poke → pull)", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "reviewer"));
    const { docId, ids } = await sharedDocument(lan, [rina]);

    const doc = await rina.db.documents.get(docId);
    expect(doc).toMatchObject({ title: "Berita", projectId: "p1", segmentCount: 3 });
    expect((await segmentsOf(rina.db, docId)).map((s) => s.source)).toEqual([
      "Satu.",
      "Dua.",
      "Tiga.",
    ]);

    // No syncNow from here on: the outbox watch pushes, the server pokes, the other side pulls.
    await saveTranslation(lan.db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Một.",
      user: "lan",
      confirm: true,
    });
    await vi.waitFor(async () => expect((await cellOf(rina.db, ids[0]!))?.text).toBe("Một."), {
      timeout: 3000,
      interval: 10,
    });
    expect(await cellOf(rina.db, ids[0]!)).toMatchObject({
      status: "translated",
      changedBy: "lan",
    });
    // The revision came too, by uid, with a local id of its own.
    const revisions = await rina.db.revisions
      .where("translationId")
      .equals(`${ids[0]}:vi`)
      .toArray();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.id).toBeTypeOf("number");

    await setStatus(rina.db, {
      changes: [{ segmentId: ids[0]!, lang: "vi" }],
      action: "approve",
      user: "rina",
      role: "reviewer",
    });
    await addComment(rina.db, { segmentId: ids[0]!, lang: "vi", author: "rina", text: "Bagus." });
    await vi.waitFor(
      async () => {
        expect((await cellOf(lan.db, ids[0]!))?.status).toBe("approved");
        expect(
          await lan.db.comments.where("[segmentId+lang]").equals([ids[0]!, "vi"]).count(),
        ).toBe(1);
      },
      { timeout: 3000, interval: 10 },
    );
    expect(await lan.db.outbox.count()).toBe(0);
    expect(await rina.db.outbox.count()).toBe(0);
    // Pulled records are not commands here: nothing echoes back into an outbox or the history
    // (Rina's one undo step is her approval; comments are not undo steps).
    expect(
      await rina.db.history.where("[docId+seq]").between([docId, 0], [docId, Infinity]).count(),
    ).toBe(1);
    expect(
      await lan.db.history.where("[docId+seq]").between([docId, 0], [docId, Infinity]).count(),
    ).toBe(1);
  });

  it("a poke carrying its changes inline is applied without a pull; one whose from is ahead of the cursor pulls", async () => {
    const server = new FakeServer();
    server.inlinePokes = true;
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "reviewer"));
    const { ids } = await sharedDocument(lan, [rina]);
    const pullsBefore = rina.transport.pulls;
    for (const [i, text] of ["Một.", "Hai.", "Ba."].entries()) {
      await saveTranslation(lan.db, { segmentId: ids[i]!, lang: "vi", text, user: "lan" });
    }
    await vi.waitFor(
      async () => {
        expect((await cellOf(rina.db, ids[2]!))?.text).toBe("Ba.");
        expect((await rina.db.syncState.get("p1"))?.cursor).toBe(server.version);
      },
      { timeout: 3000, interval: 10 },
    );
    expect((await cellOf(rina.db, ids[0]!))?.text).toBe("Một.");
    expect((await cellOf(rina.db, ids[1]!))?.text).toBe("Hai.");
    // Every change came inside its poke: the reviewer never pulled.
    expect(rina.transport.pulls).toBe(pullsBefore);

    // A poke that starts after this client's cursor (it missed one): it pulls instead.
    rina.transport.setOnline(false);
    await saveTranslation(lan.db, { segmentId: ids[0]!, lang: "vi", text: "Một!", user: "lan" });
    await vi.waitFor(async () => expect(await lan.db.outbox.count()).toBe(0), {
      timeout: 3000,
      interval: 10,
    });
    rina.transport.setOnline(true);
    await saveTranslation(lan.db, { segmentId: ids[1]!, lang: "vi", text: "Hai!", user: "lan" });
    await vi.waitFor(
      async () => {
        expect((await cellOf(rina.db, ids[0]!))?.text).toBe("Một!");
        expect((await cellOf(rina.db, ids[1]!))?.text).toBe("Hai!");
      },
      { timeout: 5000, interval: 10 },
    );
    expect(rina.transport.pulls).toBeGreaterThan(pullsBefore);
    // The writer's own poke is at or below its cursor after its push and pull: nothing more to do.
    const lanPulls = lan.transport.pulls;
    await new Promise((r) => setTimeout(r, 50));
    expect(lan.transport.pulls).toBe(lanPulls);
  });

  it("offline edits queue, survive closing the database (tab closed), and are sent in order exactly once", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "translator"));
    const { ids } = await sharedDocument(lan, [rina]);
    const clientId = (await rina.db.meta.get(CLIENT_ID_KEY))!.value as string;

    const statuses: SyncStatus[] = [];
    rina.engine.subscribe((s) => statuses.push(s));
    rina.transport.setOnline(false);
    await saveTranslation(rina.db, { segmentId: ids[0]!, lang: "en", text: "One.", user: "rina" });
    await saveTranslation(rina.db, {
      segmentId: ids[1]!,
      lang: "en",
      text: "Two.",
      user: "rina",
      confirm: true,
    });
    await saveTranslation(rina.db, {
      segmentId: ids[2]!,
      lang: "en",
      text: "Three.",
      user: "rina",
    });
    await vi.waitFor(
      () => expect(statuses.at(-1)).toMatchObject({ pending: 3, connection: "offline" }),
      {
        timeout: 3000,
        interval: 10,
      },
    );
    expect(statuses.at(-1)!.error).toMatchObject({ code: "sync.network" });
    expect(server.log.filter((l) => l.clientId === clientId)).toEqual([]);

    // The tab is closed; a new one opens the same database later.
    rina.engine.stop();
    rina.db.close();
    const db = createDb(rina.name);
    await db.open();
    expect(await db.outbox.count()).toBe(3);
    const transport = new FakeTransport(server, rina.transport.member);
    transport.duplicatePushes = true; // every push arrives twice
    const engine = new SyncEngine(db, transport);
    running.push(engine);
    await engine.start();
    await engine.syncNow();
    expect(await engine.clientId()).toBe(clientId);
    expect(server.log.filter((l) => l.clientId === clientId)).toEqual([
      { clientId, id: 1, status: "applied" },
      { clientId, id: 2, status: "applied" },
      { clientId, id: 3, status: "applied" },
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(engine.getStatus()).toMatchObject({ pending: 0, connection: "online", error: null });
    await lan.engine.syncNow();
    expect(await cellOf(lan.db, ids[1]!, "en")).toMatchObject({
      text: "Two.",
      status: "translated",
    });
    expect((await cellOf(lan.db, ids[2]!, "en"))?.text).toBe("Three.");
  });

  it("the same cell edited on both sides offline: nothing is overwritten, the later one competes on both", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "translator"));
    const { ids } = await sharedDocument(lan, [rina]);
    lan.transport.setOnline(false);
    rina.transport.setOnline(false);
    await saveTranslation(lan.db, {
      segmentId: ids[1]!,
      lang: "vi",
      text: "Hai (Lan).",
      user: "lan",
    });
    await saveTranslation(rina.db, {
      segmentId: ids[1]!,
      lang: "vi",
      text: "Hai (Rina).",
      user: "rina",
    });

    lan.transport.setOnline(true);
    await lan.engine.syncNow();
    rina.transport.setOnline(true);
    await rina.engine.syncNow();
    await lan.engine.syncNow();

    for (const c of [lan, rina]) {
      const cell = await cellOf(c.db, ids[1]!);
      expect(cell, c.transport.member.userId).toMatchObject({
        text: "Hai (Lan).",
        competing: [expect.objectContaining({ text: "Hai (Rina).", by: "rina", source: "sync" })],
      });
      expect(await c.db.outbox.count()).toBe(0);
    }
    expect(server.log.map((l) => l.status).slice(-2)).toEqual(["applied", "conflict"]);
  });

  it("a refused mutation (viewer; translator approving) is rolled back locally and listed as refused", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const vera = await client(server, member("vera", "viewer"));
    const tom = await client(server, member("tom", "translator"));
    const { ids } = await sharedDocument(lan, [vera, tom]);
    await saveTranslation(lan.db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Một.",
      user: "lan",
      confirm: true,
    });
    await lan.engine.syncNow();
    await tom.engine.syncNow();
    await vera.engine.syncNow();

    await saveTranslation(vera.db, { segmentId: ids[0]!, lang: "vi", text: "Sửa.", user: "vera" });
    await vera.engine.syncNow();
    expect(await cellOf(vera.db, ids[0]!)).toMatchObject({ text: "Một.", status: "translated" });
    const refusedByVera = await refusedChanges(vera.db, "p1");
    expect(refusedByVera).toHaveLength(1);
    expect(refusedByVera[0]).toMatchObject({ code: "sync.forbidden_role" });
    expect(refusedByVera[0]!.mutation.patches[0]!.after).toMatchObject({ text: "Sửa." });

    // Locally Tom's profile says reviewer, but in the project he is a translator.
    await setStatus(tom.db, {
      changes: [{ segmentId: ids[0]!, lang: "vi" }],
      action: "approve",
      user: "tom",
      role: "reviewer",
    });
    expect((await cellOf(tom.db, ids[0]!))?.status).toBe("approved");
    await tom.engine.syncNow();
    expect((await cellOf(tom.db, ids[0]!))?.status).toBe("translated");
    expect((await refusedChanges(tom.db, "p1")).map((r) => r.code)).toEqual([
      "sync.forbidden_status",
    ]);
    expect(await tom.db.outbox.count()).toBe(0);
    expect(server.value("translations", `${ids[0]}:vi`)).toMatchObject({
      text: "Một.",
      status: "translated",
    });
  });

  it("undo of a cell someone else changed since is refused locally (history.conflict) and overwrites nothing", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "owner"));
    const { docId, ids } = await sharedDocument(lan, [rina]);
    await saveTranslation(lan.db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Một.",
      user: "lan",
      confirm: true,
    });
    await lan.engine.syncNow();
    await rina.engine.syncNow();
    await saveTranslation(rina.db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Một!",
      user: "rina",
      confirm: true,
    });
    await rina.engine.syncNow();
    await lan.engine.syncNow();
    expect((await cellOf(lan.db, ids[0]!))?.text).toBe("Một!");

    await expect(undo(lan.db, docId, "lan")).rejects.toMatchObject({ code: "history.conflict" });
    expect((await cellOf(lan.db, ids[0]!))?.text).toBe("Một!");
    expect(await lan.db.outbox.count()).toBe(0);
    // Rina's own undo is a new mutation that reaches Lan.
    await undo(rina.db, docId, "rina");
    await rina.engine.syncNow();
    await lan.engine.syncNow();
    expect((await cellOf(lan.db, ids[0]!))?.text).toBe("Một.");
  });

  it("presence: where each member is goes to the others of the project", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "reviewer"));
    const { docId, ids } = await sharedDocument(lan, [rina]);
    const seen: PresenceEntry[][] = [];
    lan.engine.onPresence((projectId, entries) => {
      if (projectId === "p1") seen.push(entries);
    });
    await rina.engine.setPresence(docId, { segmentId: ids[1]!, lang: "vi" });
    await vi.waitFor(
      () =>
        expect(seen.at(-1)).toContainEqual(
          expect.objectContaining({
            userId: "rina",
            docId,
            cell: { segmentId: ids[1], lang: "vi" },
          }),
        ),
      { timeout: 3000, interval: 10 },
    );
  });

  it("leaving a project keeps its documents as local ones and stops queuing", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "translator"));
    const { docId, ids } = await sharedDocument(lan, [rina]);
    rina.transport.setOnline(false);
    await saveTranslation(rina.db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "rina" });
    await rina.engine.leaveProject("p1");
    expect(await rina.db.syncState.count()).toBe(0);
    expect(await rina.db.outbox.count()).toBe(0);
    expect((await rina.db.documents.get(docId))?.projectId).toBeUndefined();
    expect((await cellOf(rina.db, ids[0]!))?.text).toBe("Một.");
    await saveTranslation(rina.db, { segmentId: ids[1]!, lang: "vi", text: "Hai.", user: "rina" });
    expect(await rina.db.outbox.count()).toBe(0);
  });

  it("a push whose answer was lost goes again after a tab close: applied once, and the skipped resend's fix-ups replace the optimistic state", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "translator"));
    const { ids } = await sharedDocument(lan, [rina]);
    const clientId = await rina.engine.clientId();

    // Rina's edit reaches the server, but the answer is lost: her entry stays in the outbox.
    rina.transport.losePushAnswers = 1;
    await saveTranslation(rina.db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Một (R).",
      user: "rina",
    });
    await vi.waitFor(
      () => expect(server.log.filter((l) => l.clientId === clientId)).toHaveLength(1),
      {
        timeout: 3000,
        interval: 10,
      },
    );
    expect(await rina.db.outbox.count()).toBe(1);
    expect((await rina.db.outbox.toArray())[0]!.sent).toBe(1);
    rina.engine.stop();
    rina.db.close();

    // Meanwhile Lan sees it and types other words into the same cell.
    await lan.engine.syncNow();
    expect((await cellOf(lan.db, ids[0]!))?.text).toBe("Một (R).");
    await saveTranslation(lan.db, {
      segmentId: ids[0]!,
      lang: "vi",
      text: "Một (L).",
      user: "lan",
    });
    await lan.engine.syncNow();
    expect(server.value("translations", `${ids[0]}:vi`)).toMatchObject({ text: "Một (L)." });

    // A new tab on the same database; its pulls fail, so only the push's fix-ups can bring the state.
    const db = createDb(rina.name);
    await db.open();
    const transport = new FakeTransport(server, rina.transport.member);
    transport.failPulls = true;
    const engine = new SyncEngine(db, transport);
    running.push(engine);
    const skippedBefore = server.skipped;
    await engine.start();
    await engine.syncNow();
    expect(server.skipped).toBeGreaterThan(skippedBefore);
    expect(server.log.filter((l) => l.clientId === clientId).map((l) => l.id)).toEqual([1]);
    expect(await db.outbox.count()).toBe(0);
    // Rina's optimistic "Một (R)." is replaced by the server's state at once.
    expect(await cellOf(db, ids[0]!)).toMatchObject({ text: "Một (L).", changedBy: "lan" });
    expect(transport.pulls).toBe(0);
  });

  it("a refusal whose answer was lost still reaches the refused list when the resend is answered with its stored outcome", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const vera = await client(server, member("vera", "viewer"));
    const { ids } = await sharedDocument(lan, [vera]);
    const clientId = await vera.engine.clientId();

    // The server refuses Vera's edit, but the answer never arrives.
    vera.transport.losePushAnswers = 1;
    await saveTranslation(vera.db, { segmentId: ids[0]!, lang: "vi", text: "Sửa.", user: "vera" });
    await vi.waitFor(
      () => expect(server.log.filter((l) => l.clientId === clientId)).toHaveLength(1),
      { timeout: 3000, interval: 10 },
    );
    expect(server.log.filter((l) => l.clientId === clientId)[0]!.status).toBe("refused");
    expect(await refusedChanges(vera.db, "p1")).toEqual([]);
    expect((await cellOf(vera.db, ids[0]!))?.text).toBe("Sửa.");

    // Back online: the resend is skipped as handled, and its answer carries the stored refusal.
    const skippedBefore = server.skipped;
    vera.transport.setOnline(true);
    await vera.engine.syncNow();
    expect(server.skipped).toBeGreaterThan(skippedBefore);
    expect(server.log.filter((l) => l.clientId === clientId)).toHaveLength(1);
    const refused = await refusedChanges(vera.db, "p1");
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: "sync.forbidden_role", params: { role: "viewer" } });
    expect(refused[0]!.mutation.patches[0]!.after).toMatchObject({ text: "Sửa." });
    expect(await vera.db.outbox.count()).toBe(0);
    expect((await cellOf(vera.db, ids[0]!))?.text ?? "").not.toBe("Sửa.");

    // The same answer twice (a duplicated delivery) does not list it twice.
    vera.transport.duplicatePushes = true;
    await saveTranslation(vera.db, { segmentId: ids[1]!, lang: "vi", text: "Lagi.", user: "vera" });
    await vera.engine.syncNow();
    expect((await refusedChanges(vera.db, "p1")).map((r) => r.mutation.id)).toEqual([
      refused[0]!.mutation.id,
      refused[0]!.mutation.id + 1,
    ]);
  });

  it("a pull page is applied in one transaction: a record that cannot be stored leaves the whole page (and the cursor) unapplied", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "reviewer"));
    const { docId, ids } = await sharedDocument(lan, [rina]);
    const cursorBefore = (await rina.db.syncState.get("p1"))!.cursor;
    rina.transport.setOnline(false);
    await saveTranslation(lan.db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "lan" });
    await saveTranslation(lan.db, { segmentId: ids[1]!, lang: "vi", text: "Hai.", user: "lan" });
    await lan.engine.syncNow();
    const segment = server.value("segments", ids[2]!)!;
    // The server's page gains a segment edit and, later in it, a cell without its key field.
    rina.transport.tamperPull = (r) => ({
      ...r,
      changes: [
        ...r.changes,
        {
          table: "segments",
          key: ids[2]!,
          docId,
          value: { ...segment, source: "Tiga!" },
          version: r.cursor,
        },
        {
          table: "translations",
          key: "broken",
          docId,
          value: { docId, lang: "vi", text: "x" },
          version: r.cursor,
        },
      ],
    });
    rina.transport.setOnline(true);
    await rina.engine.syncNow();
    expect(rina.engine.getStatus().error).not.toBeNull();
    expect((await rina.db.syncState.get("p1"))!.cursor).toBe(cursorBefore);
    expect(await cellOf(rina.db, ids[0]!)).toBeUndefined();
    expect(await cellOf(rina.db, ids[1]!)).toBeUndefined();
    expect((await rina.db.segments.get(ids[2]!))?.source).toBe("Tiga.");

    rina.transport.tamperPull = null;
    await rina.engine.syncNow();
    expect(rina.engine.getStatus().error).toBeNull();
    expect((await cellOf(rina.db, ids[0]!))?.text).toBe("Một.");
    expect((await cellOf(rina.db, ids[1]!))?.text).toBe("Hai.");
    expect((await rina.db.syncState.get("p1"))!.cursor).toBe(server.version);
  });

  it("retries while the server is unreachable wait 0.5 s, 1 s, 2 s … and a success resets them", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const { ids } = await sharedDocument(lan, []);
    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((
      fn: () => void,
      ms?: number,
    ) => {
      if ((ms ?? 0) >= RETRY_MIN_MS) delays.push(ms!);
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
    try {
      lan.transport.setOnline(false);
      const pushes = lan.transport.pushes;
      await saveTranslation(lan.db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "lan" });
      // Only the sync cycle's retries (the live channel's reconnects use the same delays).
      await vi.waitFor(() => expect(delays.filter((d) => d === 2000).length).toBeGreaterThan(0), {
        timeout: 6000,
        interval: 20,
      });
      expect(lan.transport.pushes).toBe(pushes);
      expect(new Set(delays)).toEqual(new Set([500, 1000, 2000]));
      expect(await lan.db.outbox.count()).toBe(1);
      lan.transport.setOnline(true);
      await lan.engine.syncNow();
      expect(await lan.db.outbox.count()).toBe(0);
      expect(lan.engine.getStatus()).toMatchObject({ connection: "online", error: null });
    } finally {
      spy.mockRestore();
    }
    expect(Math.max(...Array.from({ length: 100 }, (_, i) => retryDelay(i + 1)))).toBe(
      RETRY_MAX_MS,
    );
  });

  it("backoff: 0.5 s doubling to at most 30 s", () => {
    expect([1, 2, 3, 4, 6, 7, 8, 20].map(retryDelay)).toEqual([
      500, 1000, 2000, 4000, 16000, 30000, 30000, 30000,
    ]);
  });
});

describe("the engine's live channel, numbering, status and refused changes (issue 10)", () => {
  it("names the live channel by the client id and repeats presence as a heartbeat", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    await sharedDocument(lan, []);
    const db = createDb(`sync-heartbeat-${counter++}`);
    await db.open();
    const transport = new FakeTransport(server, member("rina", "translator"));
    const engine = new SyncEngine(db, transport, { presenceHeartbeatMs: 40 });
    running.push(engine);
    await engine.start();
    await engine.joinProject({ id: "p1", name: "Tim", role: "translator", langs: null });
    const clientId = await engine.clientId();
    await vi.waitFor(() => expect(transport.liveOpened.length).toBeGreaterThan(0), {
      timeout: 2000,
      interval: 10,
    });
    expect(transport.liveOpened.every((o) => o.clientId === clientId)).toBe(true);
    const sent = transport.presenceSent;
    // Nobody moved: presence goes again anyway, so the server's 30 s window never runs out.
    await vi.waitFor(() => expect(transport.presenceSent).toBeGreaterThanOrEqual(sent + 3), {
      timeout: 2000,
      interval: 10,
    });
  });

  it("a live channel closed with 4401 or 4404 is not reopened, and the status says why", async () => {
    for (const [code, error] of [
      [4401, "auth.required"],
      [4404, "project.not_found"],
    ] as const) {
      const server = new FakeServer();
      const lan = await client(server, member("lan", "owner"));
      await vi.waitFor(() => expect(lan.transport.liveOpened.length).toBe(1), {
        timeout: 2000,
        interval: 10,
      });
      await new Promise((r) => setTimeout(r, 20));
      lan.transport.closeLive(code);
      // The first reconnect would come after 0.5 s.
      await new Promise((r) => setTimeout(r, 1200));
      expect(lan.transport.liveOpened.length, String(code)).toBe(1);
      expect(lan.engine.getStatus().error).toMatchObject({ code: error });
      // Another close (a lost network) does reconnect.
      const other = await client(server, member("rina", "owner"));
      await vi.waitFor(() => expect(other.transport.liveOpened.length).toBe(1), {
        timeout: 2000,
        interval: 10,
      });
      await new Promise((r) => setTimeout(r, 20));
      other.transport.closeLive(1006);
      await vi.waitFor(() => expect(other.transport.liveOpened.length).toBe(2), {
        timeout: 3000,
        interval: 20,
      });
    }
  });

  it("leaving and joining again goes on numbering: edits after the rejoin are applied, not skipped as resends", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const rina = await client(server, member("rina", "translator"));
    const { docId, ids } = await sharedDocument(lan, [rina]);
    const clientId = await rina.engine.clientId();
    await saveTranslation(rina.db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "rina" });
    await rina.engine.syncNow();
    // One more edit that never leaves this browser: the project is left while offline.
    rina.transport.setOnline(false);
    await saveTranslation(rina.db, { segmentId: ids[1]!, lang: "vi", text: "Hai.", user: "rina" });
    await rina.engine.leaveProject("p1");
    rina.transport.setOnline(true);
    await rina.engine.joinProject({ id: "p1", name: "Tim", role: "translator", langs: null });
    await vi.waitFor(
      async () => expect((await rina.db.documents.get(docId))?.projectId).toBe("p1"),
      { timeout: 3000, interval: 10 },
    );
    await saveTranslation(rina.db, { segmentId: ids[2]!, lang: "vi", text: "Ba.", user: "rina" });
    await rina.engine.syncNow();
    await vi.waitFor(async () => expect(await rina.db.outbox.count()).toBe(0), {
      timeout: 3000,
      interval: 10,
    });
    expect(server.value("translations", `${ids[2]}:vi`)).toMatchObject({ text: "Ba." });
    expect(server.skipped).toBe(0);
    expect(server.log.filter((l) => l.clientId === clientId).map((l) => l.status)).toEqual([
      "applied",
      "applied",
    ]);
    expect(rina.engine.getStatus().error).toBeNull();
  });

  it("the pending count is current once a sync cycle has acknowledged the outbox", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const { ids } = await sharedDocument(lan, []);
    lan.transport.setOnline(false);
    for (const [i, text] of ["Một.", "Hai.", "Ba."].entries())
      await saveTranslation(lan.db, { segmentId: ids[i]!, lang: "vi", text, user: "lan" });
    await vi.waitFor(() => expect(lan.engine.getStatus().pending).toBe(3), {
      timeout: 2000,
      interval: 10,
    });
    lan.transport.setOnline(true);
    // The pushes are acknowledged, then the pull fails at once: the cycle ends right after the ack.
    lan.transport.failPulls = true;
    const seen: SyncStatus[] = [];
    lan.engine.subscribe((s) => seen.push(s));
    await lan.engine.syncNow();
    expect(await lan.db.outbox.count()).toBe(0);
    // No waiting for the outbox watch: the status the cycle announces already counts 0.
    expect(lan.engine.getStatus()).toMatchObject({ pending: 0 });
    expect(seen.at(-1)).toMatchObject({ pending: 0 });
    lan.transport.failPulls = false;
    await lan.engine.syncNow();
    expect(lan.engine.getStatus()).toMatchObject({ pending: 0, connection: "online" });
  });

  it("with no project joined the status is synced (online), not offline", async () => {
    const db = createDb(`sync-none-${counter++}`);
    await db.open();
    const engine = new SyncEngine(db, new FakeTransport(new FakeServer(), member("x", "owner")));
    running.push(engine);
    await engine.start();
    expect(engine.getStatus()).toMatchObject({ connection: "online", pending: 0, error: null });
  });

  it("a refused change applied again is a new mutation on top of the current state", async () => {
    const server = new FakeServer();
    const lan = await client(server, member("lan", "owner"));
    const tom = await client(server, member("tom", "translator"));
    const { ids } = await sharedDocument(lan, [tom]);
    await saveTranslation(lan.db, { segmentId: ids[0]!, lang: "vi", text: "Một.", user: "lan" });
    await lan.engine.syncNow();
    await tom.engine.syncNow();
    // Tom types while his role is translator and also approves: the approval is refused.
    await setStatus(tom.db, {
      changes: [{ segmentId: ids[0]!, lang: "vi" }],
      action: "approve",
      user: "tom",
      role: "reviewer",
    });
    await tom.engine.syncNow();
    const [refused] = await refusedChanges(tom.db, "p1");
    expect(refused).toMatchObject({ code: "sync.forbidden_status" });
    expect((await cellOf(tom.db, ids[0]!))?.status).not.toBe("approved");
    // Meanwhile Lan changed the text; then the owner makes Tom a reviewer.
    await saveTranslation(lan.db, { segmentId: ids[0]!, lang: "vi", text: "Một!", user: "lan" });
    await lan.engine.syncNow();
    await tom.engine.syncNow();
    tom.transport.member.role = "reviewer";
    const id = await reapplyRefusedChange(tom.db, "p1", refused!.mutation.id);
    expect(id).toBeGreaterThan(refused!.mutation.id);
    expect(await refusedChanges(tom.db, "p1")).toEqual([]);
    const [entry] = await tom.db.outbox.toArray();
    expect(entry!.mutation.id).toBe(id);
    // Its base is the cell as Tom has it now (Lan's newer text), not the refused change's base.
    expect(entry!.mutation.patches[0]!.before).toMatchObject({ text: "Một!" });
    await tom.engine.syncNow();
    expect(await refusedChanges(tom.db, "p1")).toEqual([]);
    expect(await tom.db.outbox.count()).toBe(0);
    expect(server.value("translations", `${ids[0]}:vi`)).toMatchObject({ status: "approved" });
    // A refused change that is no longer listed, or a project left, changes nothing.
    expect(await reapplyRefusedChange(tom.db, "p1", refused!.mutation.id)).toBeNull();
  });
});
