import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type {
  CompetingVersion,
  Member,
  SyncRecord,
  SyncTable,
} from "../../../src/core/sync/protocol.ts";
import { DOC, LANGS, SEGMENTS, SimClient, SimServer, settle } from "./sim.ts";

/**
 * Model-based property test of the sync rules: 2 and 3 clients editing a small shared document
 * offline and online, in random interleavings of edits, pushes (answers delayed, lost or
 * delivered twice), pulls and offline periods, all through the real applyMutation / applyPulled.
 * After everybody syncs until quiescent:
 *  (a) every client's records equal the server's (convergence);
 *  (b) every text a handled (not refused) mutation set on a cell is on the server as that cell's
 *      current or a competing text, unless a later handled mutation of that cell was made from a
 *      base that showed it (as current or competing text): a text leaves the server only through
 *      someone who saw it;
 *  (c) every mutation id of every client went through applyMutation exactly once.
 *
 * Why (b) holds (and why it is the strongest claim the rules support): the server's record of a
 * cell changes only through applyMutation. A text T on the server (current or competing) is
 * removed only (1) by rule 1, where S ≡ B, so a current T is B's text, and the three-way merge
 * drops a competing T only when it is in B's list; (2) by the three-way merge of rules 2–4, which
 * drops a competing T only when it is in the base; (3) by a delete, which rule 1 allows only when
 * B shows every competing version of S (else it is stale). In each case the mutation's base showed
 * T. And a text edit that is applied puts its text on the server (rule 1 as current, rule 2 as
 * current or competing). Refused mutations write nothing.
 */

const TEXTS = ["", "xin chào", "chào bạn", "hello"];

function seed(): Array<[SyncTable, string, SyncRecord]> {
  const out: Array<[SyncTable, string, SyncRecord]> = [
    ["documents", DOC, { id: DOC, title: "Doc", sourceLang: "id", segmentCount: 3 }],
  ];
  SEGMENTS.forEach((id, i) => {
    out.push([
      "segments",
      id,
      { id, docId: DOC, order: `a${i}`, paragraph: 0, source: `Kalimat ${i}.` },
    ]);
  });
  for (const segmentId of SEGMENTS.slice(0, 2)) {
    for (const lang of LANGS) {
      const id = `${segmentId}:${lang}`;
      out.push([
        "translations",
        id,
        {
          id,
          docId: DOC,
          segmentId,
          lang,
          order: `a${SEGMENTS.indexOf(segmentId)}`,
          span: 1,
          text: `${lang} ${segmentId}`,
          status: "translated",
          origin: "typed",
          confidence: null,
          locked: false,
          createdBy: "Seed",
          createdAt: "2026-01-01",
          changedBy: "Seed",
          changedAt: "2026-01-01",
        },
      ]);
    }
  }
  out.push([
    "comments",
    "c0",
    {
      id: "c0",
      docId: DOC,
      segmentId: "s1",
      lang: "vi",
      author: "Rina",
      at: "2026-01-01",
      text: "Check.",
      open: 1,
    },
  ]);
  return out;
}

const translator: Member = { userId: "u1", name: "Tran", role: "translator", langs: null };
const reviewer: Member = { userId: "u2", name: "Rina", role: "reviewer", langs: null };
const THIRD: Member[] = [
  { userId: "u3", name: "Olga", role: "owner", langs: null },
  { userId: "u4", name: "Vy", role: "translator", langs: ["vi"] },
  { userId: "u5", name: "Vic", role: "viewer", langs: null },
];

type Action =
  | { kind: "edit"; c: number; seg: number; lang: number; text: number; fresh: boolean }
  | { kind: "status"; c: number; seg: number; lang: number; status: number }
  | { kind: "resolve"; c: number; seg: number; lang: number; pick: number }
  | { kind: "comment"; c: number; seg: number; lang: number }
  | { kind: "thread"; c: number; n: number }
  | { kind: "delete"; c: number; seg: number; lang: number }
  | { kind: "lock"; c: number; seg: number; lang: number }
  | { kind: "source"; c: number; seg: number; text: number }
  | { kind: "split"; c: number; seg: number }
  | { kind: "remove"; c: number; seg: number }
  | { kind: "push"; c: number; size: number; duplicate: boolean; lose: boolean }
  | { kind: "answer"; c: number }
  | { kind: "pull"; c: number }
  | { kind: "offline"; c: number };

/** Mostly the first cell, so that people meet in the same cell often. */
const often0 = (max: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(max) });
const cellArgs = { c: fc.nat(2), seg: often0(2), lang: often0(1) };
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      ...cellArgs,
      text: fc.nat(TEXTS.length - 1),
      fresh: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, fc.constant(false)),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("status" as const), ...cellArgs, status: fc.nat(2) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("resolve" as const),
      ...cellArgs,
      pick: fc.integer({ min: -1, max: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("comment" as const), ...cellArgs }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("thread" as const), c: fc.nat(2), n: fc.nat(5) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), ...cellArgs }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("lock" as const), ...cellArgs }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("source" as const),
      c: fc.nat(2),
      seg: fc.nat(2),
      text: fc.nat(3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("split" as const), c: fc.nat(2), seg: often0(3) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("remove" as const), c: fc.nat(2), seg: fc.nat(4) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("push" as const),
      c: fc.nat(2),
      size: fc.integer({ min: 1, max: 4 }),
      duplicate: fc.boolean(),
      lose: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("answer" as const), c: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("pull" as const), c: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("offline" as const), c: fc.nat(2) }) },
);

const STATUSES = ["translated", "approved", "rejected"];

function run(members: readonly Member[], actions: readonly Action[]) {
  const byClient = new Map(members.map((m, i) => [`k${i}`, m]));
  const server = new SimServer(byClient, seed());
  const clients = members.map((m, i) => new SimClient(`k${i}`, m, seed()));
  let typed = 0;
  for (const a of actions) {
    const c = clients[a.c % clients.length]!;
    // Rows as this client sees them (splits add some, removals take some away).
    const rows = c.segmentIds();
    const seg = "seg" in a && rows.length > 0 ? rows[a.seg % rows.length]! : "s1";
    const lang = "lang" in a ? LANGS[a.lang]! : "vi";
    switch (a.kind) {
      case "edit": {
        // Fresh texts are unique; the others come from a small pool, so two people type the same.
        const text = a.fresh && a.text > 0 ? `${TEXTS[a.text]} #${typed++}` : TEXTS[a.text]!;
        c.edit(seg, lang, text);
        break;
      }
      case "status":
        c.setStatus(seg, lang, STATUSES[a.status]!);
        break;
      case "resolve":
        c.resolve(seg, lang, a.pick);
        break;
      case "comment":
        c.comment(seg, lang);
        break;
      case "thread":
        c.toggleComment(a.n);
        break;
      case "delete":
        c.deleteCell(seg, lang);
        break;
      case "lock":
        c.toggleLock(seg, lang);
        break;
      case "source":
        c.editSource(seg, `Kalimat baru ${a.text}.`);
        break;
      case "split":
        c.split(seg);
        break;
      case "remove":
        c.removeRow(seg);
        break;
      case "push":
        c.startPush(server, a.size, a.duplicate, a.lose);
        break;
      case "answer":
        c.finishPush();
        break;
      case "pull":
        c.pull(server);
        break;
      case "offline":
        c.online = !c.online;
        break;
    }
  }
  settle(server, clients);
  return { server, clients };
}

function hasText(record: SyncRecord | null, text: string): boolean {
  if (!record) return false;
  if (record.text === text) return true;
  return ((record.competing as CompetingVersion[] | undefined) ?? []).some((v) => v.text === text);
}

function checkInvariants(server: SimServer, clients: readonly SimClient[]): void {
  // (a) convergence
  const expected = server.snapshot();
  for (const c of clients) {
    expect(c.outbox).toEqual([]);
    expect(c.inflight).toBeNull();
    expect(c.snapshot(), `client ${c.id}`).toBe(expected);
  }
  // (b) texts survive unless someone who saw them changed them
  const handled = server.log.filter((h) => h.status !== "refused");
  handled.forEach((h, i) => {
    for (const p of h.mutation.patches) {
      if (p.table !== "translations" || p.after === null) continue;
      const text = `${p.after.text}`;
      if (text === "" || text === p.before?.text) continue;
      if (hasText(server.value("translations", p.key), text)) continue;
      const seenLater = handled
        .slice(i + 1)
        .some((later) =>
          later.mutation.patches.some(
            (q) => q.table === "translations" && q.key === p.key && hasText(q.before, text),
          ),
        );
      expect(seenLater, `"${text}" on ${p.key} (${h.clientId}#${h.mutation.id}) lost unseen`).toBe(
        true,
      );
    }
  });
  // Roles held: nothing a member may not do got through.
  for (const h of handled) {
    const member = server.members.get(h.clientId)!;
    for (const p of h.mutation.patches) {
      const lang = (p.after ?? p.before)!.lang;
      if (member.role === "viewer") throw new Error(`viewer wrote ${p.table} ${p.key}`);
      if (member.langs && lang !== undefined) expect(member.langs).toContain(lang);
      if (member.role === "reviewer") {
        expect(["translations", "comments", "revisions"]).toContain(p.table);
        if (p.table === "translations") expect(p.after).not.toBeNull();
      }
      if (member.role === "translator" && p.table === "translations" && p.after) {
        if (p.after.status === "approved" || p.after.status === "rejected") {
          expect(p.before?.status).toBe(p.after.status);
        }
      }
    }
  }
  // (c) each mutation applied exactly once
  for (const c of clients) {
    for (let id = 1; id < c.nextId; id++) {
      expect(server.applications.get(`${c.id}:${id}`), `${c.id}:${id}`).toBe(1);
    }
  }
  expect(server.log).toHaveLength(clients.reduce((n, c) => n + c.nextId - 1, 0));
}

describe("sync convergence (model-based)", () => {
  it("two clients (translator, reviewer) converge and lose no text unseen", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 5, maxLength: 80 }), (actions) => {
        const { server, clients } = run([translator, reviewer], actions);
        checkInvariants(server, clients);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it("three clients (translator, reviewer, owner / vi-only translator / viewer) converge", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...THIRD),
        fc.array(action, { minLength: 5, maxLength: 100 }),
        (third, actions) => {
          const { server, clients } = run([translator, reviewer, third], actions);
          checkInvariants(server, clients);
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);

  it("the simulation reaches conflicts, each refusal, resends and same-text edits", () => {
    // Guards against a generator that never reaches the interesting paths (fixed seed).
    const codes = new Map<string, number>();
    let conflicts = 0;
    let resends = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 30, maxLength: 80 }), (actions) => {
        const { server } = run([translator, reviewer, THIRD[1]!], actions);
        resends += server.resends;
        for (const h of server.log) {
          if (h.status === "conflict") conflicts++;
          if (h.code) codes.set(h.code, (codes.get(h.code) ?? 0) + 1);
        }
      }),
      { numRuns: 100, seed: 42 },
    );
    expect(conflicts).toBeGreaterThan(20);
    expect(resends).toBeGreaterThan(20);
    for (const code of [
      "sync.stale_structure",
      "sync.stale_review",
      "sync.forbidden_status",
      "sync.forbidden_structure",
      "sync.forbidden_lang",
    ]) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(3);
    }
  });

  // Interleavings that broke weaker versions of the rules (kept as regression cases).
  const regressions: Array<[string, Action[]]> = [
    [
      // Both type the same words; the second pulled (and skipped) the first's cell while its own
      // edit was pending, so the server must write the cell again for it to arrive.
      "same words, pulled while pending",
      [
        { kind: "edit", c: 0, seg: 2, lang: 0, text: 3, fresh: false },
        { kind: "edit", c: 1, seg: 2, lang: 0, text: 3, fresh: false },
        { kind: "push", c: 0, size: 1, duplicate: false, lose: false },
        { kind: "status", c: 0, seg: 0, lang: 0, status: 0 },
        { kind: "pull", c: 1 },
        { kind: "pull", c: 0 },
        { kind: "thread", c: 0, n: 0 },
        { kind: "resolve", c: 0, seg: 0, lang: 0, pick: 0 },
      ],
    ],
    [
      // A lost answer to a refused approval: the resend must bring the server's record back.
      "lost answer, then resend",
      [
        { kind: "status", c: 0, seg: 0, lang: 0, status: 1 },
        { kind: "edit", c: 0, seg: 0, lang: 0, text: 0, fresh: false },
        { kind: "answer", c: 0 },
        { kind: "push", c: 0, size: 1, duplicate: false, lose: true },
        { kind: "push", c: 0, size: 1, duplicate: false, lose: false },
        { kind: "edit", c: 0, seg: 0, lang: 0, text: 0, fresh: false },
      ],
    ],
    [
      // A delete from a base that did not show the competing version someone added meanwhile.
      "delete of a cell with an unseen competing version",
      [
        { kind: "edit", c: 0, seg: 0, lang: 0, text: 0, fresh: false },
        { kind: "edit", c: 1, seg: 0, lang: 0, text: 1, fresh: true },
        { kind: "push", c: 0, size: 1, duplicate: false, lose: false },
        { kind: "pull", c: 0 },
        { kind: "push", c: 1, size: 1, duplicate: false, lose: false },
        { kind: "delete", c: 0, seg: 0, lang: 0 },
        { kind: "status", c: 0, seg: 0, lang: 0, status: 0 },
        { kind: "edit", c: 0, seg: 0, lang: 0, text: 0, fresh: false },
      ],
    ],
    [
      // A push carrying #1 and a refused #2 lost its answer; the resend carried only #1 and was
      // answered with lastMutationId 2: #2 must stay in the outbox (and go again for its
      // fix-ups), not be dropped by the number alone.
      "answer acknowledging an entry the push did not carry",
      [
        { kind: "thread", c: 0, n: 0 },
        { kind: "status", c: 0, seg: 0, lang: 0, status: 1 },
        { kind: "push", c: 0, size: 2, duplicate: false, lose: true },
        { kind: "answer", c: 0 },
        { kind: "push", c: 0, size: 1, duplicate: false, lose: false },
        { kind: "thread", c: 0, n: 0 },
        { kind: "push", c: 0, size: 1, duplicate: false, lose: false },
        { kind: "pull", c: 0 },
      ],
    ],
  ];
  for (const [name, actions] of regressions) {
    it(`regression: ${name}`, () => {
      const { server, clients } = run([translator, reviewer], actions);
      checkInvariants(server, clients);
    });
  }
});
