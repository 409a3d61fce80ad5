/**
 * Model-based property test of the glossary's sync rule (apply-mutation.ts rule 6): three members
 * edit one concept's Vietnamese and English terms and its note, or delete it, offline and online,
 * in random interleavings of edits, pushes and pulls, through the real applyMutation. After
 * everybody syncs:
 *  (a) every member's copy equals the server's;
 *  (b) every term text and note a handled (not refused) mutation wrote is on the server, in the
 *      concept or in one of its competing versions, unless a later handled mutation was made from a
 *      base that showed it (in the concept or a competing version): nothing anyone wrote leaves the
 *      team's glossary unseen.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyMutation } from "../../../src/core/sync/apply-mutation.ts";
import { recordId, sameRecordExactly } from "../../../src/core/sync/canonical.ts";
import type { Member, Mutation, SyncRecord } from "../../../src/core/sync/protocol.ts";

type Part = "vi" | "en" | "note";
const PARTS: readonly Part[] = ["vi", "en", "note"];
const VALUES = ["a", "b", "c"];
const KEY = "g1";

const MEMBERS: Member[] = [
  { userId: "u1", name: "Lan", role: "owner", langs: null },
  { userId: "u2", name: "Tran", role: "translator", langs: null },
  { userId: "u3", name: "Rina", role: "reviewer", langs: null },
];

const SEED: SyncRecord = {
  id: KEY,
  terms: [
    { lang: "id", text: "rumah sakit" },
    { lang: "vi", text: "bệnh viện" },
    { lang: "en", text: "hospital" },
  ],
};

type Op =
  | { kind: "edit"; who: number; part: Part; value: string }
  | { kind: "delete"; who: number }
  | { kind: "push"; who: number }
  | { kind: "pull"; who: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      who: fc.integer({ min: 0, max: 2 }),
      part: fc.constantFrom(...PARTS),
      value: fc.constantFrom(...VALUES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      who: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("push" as const),
      who: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("pull" as const),
      who: fc.integer({ min: 0, max: 2 }),
    }),
  },
);

/** The values of one part of a concept (its terms' texts in a language, or its note). */
function partValues(concept: SyncRecord | null, part: Part): string[] {
  if (!concept) return [];
  if (part === "note") return typeof concept.note === "string" ? [concept.note] : [];
  return (concept.terms as Array<{ lang: string; text: string }>)
    .filter((t) => t.lang === part)
    .map((t) => t.text);
}

/** What a record shows of a part: its own values and its competing versions'. */
function shown(concept: SyncRecord | null, part: Part): Set<string> {
  const out = new Set(partValues(concept, part));
  const competing = (concept?.competing ?? []) as Array<{ concept: SyncRecord }>;
  for (const v of competing) for (const x of partValues(v.concept, part)) out.add(x);
  return out;
}

function edited(concept: SyncRecord, part: Part, value: string): SyncRecord {
  if (part === "note") return { ...concept, note: value };
  const terms = concept.terms as Array<{ lang: string; text: string }>;
  const at = terms.findIndex((t) => t.lang === part);
  const next = terms.map((t, i) => (i === at ? { ...t, text: value } : t));
  return { ...concept, terms: at >= 0 ? next : [...terms, { lang: part, text: value }] };
}

interface Client {
  local: SyncRecord | null;
  pending: Mutation[];
  nextId: number;
}

interface Handled {
  seq: number;
  before: SyncRecord | null;
  writes: Array<{ part: Part; value: string }>;
}

function run(ops: readonly Op[]) {
  let server: SyncRecord | null = SEED;
  const clients: Client[] = MEMBERS.map(() => ({ local: SEED, pending: [], nextId: 1 }));
  const handled: Handled[] = [];
  let seq = 0;

  const push = (who: number) => {
    const client = clients[who]!;
    const mutation = client.pending.shift();
    if (!mutation) return;
    const p = mutation.patches[0]!;
    const current = new Map([[recordId("glossary", KEY), server]]);
    const { outcome, writes } = applyMutation({ mutation, member: MEMBERS[who]!, current });
    if (outcome.status !== "refused") {
      for (const w of writes) server = w.value;
      const written: Array<{ part: Part; value: string }> = [];
      for (const part of PARTS) {
        const before = new Set(partValues(p.before, part));
        for (const value of partValues(p.after, part)) {
          if (!before.has(value)) written.push({ part, value });
        }
      }
      handled.push({ seq: seq++, before: p.before, writes: written });
    }
    // Fix-ups and the pull that follows: the server's state, unless more is pending.
    if (client.pending.length === 0) client.local = server;
  };
  const pull = (who: number) => {
    const client = clients[who]!;
    if (client.pending.length === 0) client.local = server;
  };

  for (const o of ops) {
    const client = clients[o.who]!;
    if (o.kind === "edit" || o.kind === "delete") {
      if (!client.local) continue;
      const after = o.kind === "edit" ? edited(client.local, o.part, o.value) : null;
      client.pending.push({
        id: client.nextId++,
        docId: null,
        label: o.kind === "edit" ? "glossary-edit" : "glossary-delete",
        at: "2026-03-01T00:00:00.000Z",
        patches: [{ table: "glossary", key: KEY, before: client.local, after }],
      });
      client.local = after;
    } else if (o.kind === "push") push(o.who);
    else pull(o.who);
  }
  // Settle: everybody pushes what waits, then pulls.
  for (let round = 0; clients.some((c) => c.pending.length > 0); round++) {
    clients.forEach((_, who) => push(who));
  }
  clients.forEach((_, who) => pull(who));
  return { server, clients, handled };
}

describe("glossary sync: concurrent edits converge and lose nothing unseen", () => {
  it("holds for random interleavings of three members", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { server, clients, handled } = run(ops);
        for (const c of clients) expect(sameRecordExactly(c.local, server)).toBe(true);
        for (const h of handled) {
          for (const { part, value } of h.writes) {
            if (shown(server, part).has(value)) continue;
            const seen = handled.some(
              (later) => later.seq > h.seq && shown(later.before, part).has(value),
            );
            expect(seen, `${part}=${value} written by mutation ${h.seq} was lost unseen`).toBe(
              true,
            );
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("two members editing different languages offline both keep their terms", () => {
    const { server } = run([
      { kind: "edit", who: 0, part: "vi", value: "a" },
      { kind: "edit", who: 1, part: "en", value: "b" },
      { kind: "push", who: 0 },
      { kind: "push", who: 1 },
    ]);
    expect(partValues(server, "vi")).toEqual(["a"]);
    expect(partValues(server, "en")).toEqual(["b"]);
    expect(server!.competing).toBeUndefined();
  });
});
