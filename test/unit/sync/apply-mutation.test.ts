import { describe, expect, it } from "vitest";
import { applyMutation, type RecordWrite } from "../../../src/core/sync/apply-mutation.ts";
import { recordId } from "../../../src/core/sync/canonical.ts";
import type {
  CompetingVersion,
  Member,
  Mutation,
  SyncRecord,
} from "../../../src/core/sync/protocol.ts";
import {
  cell,
  comment,
  DOC,
  mutation,
  owner,
  patch,
  reviewer,
  revision,
  segment,
  serverState,
  translator,
} from "./fixtures.ts";

function run(m: Mutation, current: Map<string, SyncRecord | null>, member: Member = translator) {
  return applyMutation({ mutation: m, member, current });
}

/** The server state after the writes. */
function after(current: Map<string, SyncRecord | null>, writes: readonly RecordWrite[]) {
  const next = new Map(current);
  for (const w of writes) next.set(recordId(w.table, w.key), w.value);
  return next;
}

const version = (text: string, by = "Rina"): CompetingVersion => ({
  text,
  status: "draft",
  by,
  at: "2026-01-05T00:00:00.000Z",
  source: "sync",
});

const B = cell();
const A = cell({ text: "chào bạn", changedAt: "2026-02-02T00:00:00.000Z" });

describe("rule 1: the server has the base (or the result)", () => {
  it("applies A when S ≡ B, whatever order S's keys are in", () => {
    const reordered = Object.fromEntries(Object.entries(B).reverse());
    const r = run(
      mutation([patch("translations", B, A)]),
      serverState([["translations", reordered]]),
    );
    expect(r.outcome).toEqual({ id: 1, status: "applied" });
    expect(r.writes).toEqual([{ table: "translations", key: "s1:vi", docId: DOC, value: A }]);
  });

  it("keeps competing versions S has that B did not know, drops those equal to the text", () => {
    const S = cell({ competing: [version("một"), version("chào bạn")] });
    const r = run(mutation([patch("translations", B, A)]), serverState([["translations", S]]));
    expect(r.outcome.status).toBe("applied");
    expect(r.writes[0]!.value).toEqual({ ...A, competing: [version("một")] });
  });

  it("a resolution drops the versions it dropped and keeps ones added meanwhile", () => {
    const Bc = cell({ competing: [version("một")] });
    const kept = cell({ text: "một", changedBy: "Tran" }); // kept the competing one: cleared
    const S = cell({ competing: [version("một"), version("hai", "Owner")] });
    const r = run(mutation([patch("translations", Bc, kept)]), serverState([["translations", S]]));
    expect(r.writes[0]!.value).toEqual({ ...kept, competing: [version("hai", "Owner")] });
  });

  it("S ≡ A: nothing to write (a resend or the same edit)", () => {
    const r = run(mutation([patch("translations", B, A)]), serverState([["translations", A]]));
    expect(r).toEqual({ outcome: { id: 1, status: "applied" }, writes: [] });
    // Deleting what is gone, creating what exists as sent: nothing either.
    const gone = run(
      mutation([patch("translations", B, null)]),
      serverState([], [["translations", "s1:vi"]]),
    );
    expect(gone.writes).toEqual([]);
  });

  it("S ≡ A but S has competing versions the sender lacks: written again so the sender pulls them", () => {
    const S = { ...A, competing: [version("khác")] };
    const r = run(mutation([patch("translations", B, A)]), serverState([["translations", S]]));
    expect(r.outcome.status).toBe("applied");
    expect(r.writes).toEqual([{ table: "translations", key: "s1:vi", docId: DOC, value: S }]);
  });

  it("creates and deletes; a delete's write names the record's document", () => {
    const seg = segment({ id: "s2", order: "a1" });
    const r = run(
      mutation([patch("segments", null, seg), patch("translations", B, null)]),
      serverState([["translations", B]], [["segments", "s2"]]),
    );
    expect(r.writes).toEqual([
      { table: "segments", key: "s2", docId: DOC, value: seg },
      { table: "translations", key: "s1:vi", docId: DOC, value: null },
    ]);
  });

  it("documents are their own document; memory units belong to none", () => {
    const doc = { id: DOC, title: "T", sourceLang: "id", segmentCount: 0 };
    const r1 = run(
      mutation([patch("documents", null, doc)]),
      serverState([], [["documents", DOC]]),
      owner,
    );
    expect(r1.writes[0]!.docId).toBe(DOC);
    const unit = { uid: "m1", key: "halo", source: "Halo.", targets: {} };
    const r2 = run(
      mutation([patch("memory", null, unit)], 1, null),
      serverState([], [["memory", "m1"]]),
    );
    expect(r2.writes).toEqual([{ table: "memory", key: "m1", docId: null, value: unit }]);
  });
});

describe("rule 2: a stale text edit", () => {
  it("keeps S and adds A as a competing version: conflict", () => {
    const S = cell({ text: "xin chào các bạn", changedBy: "Rina" });
    const r = run(mutation([patch("translations", B, A)], 7), serverState([["translations", S]]));
    expect(r.outcome).toEqual({ id: 7, status: "conflict", keys: ["s1:vi"] });
    expect(r.writes).toEqual([
      {
        table: "translations",
        key: "s1:vi",
        docId: DOC,
        value: {
          ...S,
          competing: [
            {
              text: "chào bạn",
              status: "draft",
              by: "Tran",
              at: "2026-02-02T00:00:00.000Z",
              source: "sync",
            },
          ],
        },
      },
    ]);
  });

  it("adds each text once", () => {
    const S = cell({ text: "khác", competing: [version("chào bạn")] });
    const r = run(mutation([patch("translations", B, A)]), serverState([["translations", S]]));
    expect(r.outcome.status).toBe("conflict");
    expect(r.writes[0]!.value!.competing).toEqual([version("chào bạn")]);
  });

  it("the same words: A's status over S", () => {
    const aligned = cell({ confidence: 0.9, origin: "alignment" });
    const S = cell({ text: "chào bạn", changedBy: "Rina", confidence: 0.9, origin: "alignment" });
    const confirmed = cell({
      text: "chào bạn",
      status: "translated",
      changedAt: "2026-02-02",
      origin: "typed",
    });
    const r = run(
      mutation([patch("translations", aligned, confirmed)]),
      serverState([["translations", S]]),
    );
    expect(r.outcome.status).toBe("applied");
    expect(r.writes[0]!.value).toEqual({
      ...S,
      status: "translated",
      changedBy: "Tran",
      changedAt: "2026-02-02",
      confidence: null, // A changed these from B, S did not
      origin: "typed",
    });
  });

  it("two people create the same empty row's cell: the second text competes", () => {
    const mine = cell({ text: "của tôi" });
    const S = cell({ text: "của bạn", changedBy: "Rina" });
    const r = run(
      mutation([patch("translations", null, mine)]),
      serverState([["translations", S]]),
    );
    expect(r.outcome.status).toBe("conflict");
    expect(r.writes[0]!.value!.competing).toMatchObject([{ text: "của tôi", source: "sync" }]);
  });

  it("a text edit of a cell that moved meanwhile is structural: refused", () => {
    const S = cell({ order: "a9", text: "khác" });
    const r = run(mutation([patch("translations", B, A)]), serverState([["translations", S]]));
    expect(r.outcome).toMatchObject({ status: "refused", code: "sync.stale_structure" });
    expect(r.writes).toEqual([]);
  });
});

describe("rule 3: a stale status change", () => {
  const approve = patch("translations", B, cell({ status: "approved", changedBy: "Rina" }));

  it("is refused when the text changed since the reviewer saw it", () => {
    const S = cell({ text: "đã sửa" });
    const r = run(mutation([approve], 4), serverState([["translations", S]]), reviewer);
    expect(r).toEqual({
      outcome: {
        id: 4,
        status: "refused",
        code: "sync.stale_review",
        params: { table: "translations", key: "s1:vi" },
      },
      writes: [],
    });
  });

  it("applies A's status when only S's status moved", () => {
    const S = cell({ status: "translated", changedAt: "2026-01-03" });
    const r = run(mutation([approve]), serverState([["translations", S]]), reviewer);
    expect(r.outcome.status).toBe("applied");
    expect(r.writes[0]!.value).toEqual({
      ...S,
      status: "approved",
      changedBy: "Rina",
      changedAt: B.changedAt,
    });
  });
});

describe("rule 3: a status someone else changed meanwhile", () => {
  const draft = cell({ status: "draft" });
  const translated = cell({ status: "translated" });

  it("a translator's stale confirm or undo does not override a reviewer's approval", () => {
    const S = cell({ status: "approved", changedBy: "Rina" });
    for (const p of [
      patch("translations", draft, translated),
      patch("translations", translated, draft),
    ]) {
      const r = run(mutation([p]), serverState([["translations", S]]));
      expect(r).toMatchObject({
        outcome: { status: "refused", code: "sync.stale_review" },
        writes: [],
      });
    }
  });

  it("a reviewer's stale approval over a rejection is a change the reviewer may make: applied", () => {
    const S = cell({ status: "rejected", changedBy: "Owner" });
    const r = run(
      mutation([
        patch("translations", translated, cell({ status: "approved", changedBy: "Rina" })),
      ]),
      serverState([["translations", S]]),
      reviewer,
    );
    expect(r.outcome.status).toBe("applied");
    expect(r.writes[0]!.value).toMatchObject({ status: "approved", changedBy: "Rina" });
  });

  it("a translator's stale confirm of a cell someone rejected meanwhile: applied (confirm from rejected)", () => {
    const S = cell({ status: "rejected", changedBy: "Rina" });
    const r = run(
      mutation([patch("translations", draft, translated)]),
      serverState([["translations", S]]),
    );
    expect(r.outcome.status).toBe("applied");
    expect(r.writes[0]!.value).toMatchObject({ status: "translated" });
  });

  it("the same status reached by both: nothing changes, nothing is refused", () => {
    const S = cell({ status: "approved", changedBy: "Owner", changedAt: "2026-01-09" });
    const r = run(
      mutation([
        patch("translations", translated, cell({ status: "approved", changedBy: "Rina" })),
      ]),
      serverState([["translations", S]]),
      reviewer,
    );
    expect(r.outcome.status).toBe("applied");
    // Written again (the sender's copy differs) with S's own stamp.
    expect(r.writes[0]!.value).toEqual(S);
  });
});

describe("rule 4: a stale comment update", () => {
  it("keeps S's text and applies A's open/resolved fields", () => {
    const S = comment({ text: "Check the name again." });
    const resolved = comment({ open: 0, resolvedBy: "Tran", resolvedAt: "2026-02-02" });
    const r = run(
      mutation([patch("comments", comment(), resolved)]),
      serverState([["comments", S]]),
    );
    expect(r.outcome.status).toBe("applied");
    expect(r.writes[0]!.value).toEqual({
      ...S,
      open: 0,
      resolvedBy: "Tran",
      resolvedAt: "2026-02-02",
    });
  });

  it("reopening removes the resolved fields", () => {
    const S = comment({ open: 0, resolvedBy: "Tran", resolvedAt: "2026-02-02", text: "Edited." });
    const B0 = comment({ open: 0, resolvedBy: "Tran", resolvedAt: "2026-02-01" });
    const r = run(mutation([patch("comments", B0, comment())]), serverState([["comments", S]]));
    expect(r.writes[0]!.value).toEqual(comment({ text: "Edited." }));
  });
});

describe("rule 5: structural edits", () => {
  const split = mutation([
    patch("segments", segment(), segment({ source: "Ha" })),
    patch("segments", null, segment({ id: "s2", order: "a1", source: "lo." })),
    patch("translations", B, cell({ text: "xin", status: "draft" })),
  ]);

  it("a split on records nobody changed is applied, however the rest moved", () => {
    // Only touched keys matter: the state holds them, unchanged.
    const current = serverState(
      [
        ["segments", segment()],
        ["translations", B],
      ],
      [["segments", "s2"]],
    );
    const r = run(split, current);
    expect(r.outcome.status).toBe("applied");
    expect(r.writes.map((w) => w.key)).toEqual(["s1", "s2", "s1:vi"]);
  });

  it("is refused whole when a touched record changed", () => {
    const current = serverState(
      [
        ["segments", segment({ source: "Halo!" })],
        ["translations", B],
      ],
      [["segments", "s2"]],
    );
    const r = run(split, current);
    expect(r).toEqual({
      outcome: {
        id: 1,
        status: "refused",
        code: "sync.stale_structure",
        params: { table: "segments", key: "s1" },
      },
      writes: [],
    });
  });

  it("a create whose key exists, a delete of a changed record, an update of a gone one: refused", () => {
    const exists = serverState([["segments", segment({ id: "s2", order: "a1" })]]);
    expect(
      run(mutation([patch("segments", null, segment({ id: "s2", order: "a2" }))]), exists).outcome
        .status,
    ).toBe("refused");
    const changed = serverState([["translations", cell({ text: "khác" })]]);
    expect(run(mutation([patch("translations", B, null)]), changed).outcome).toMatchObject({
      code: "sync.stale_structure",
    });
    const gone = serverState([], [["translations", "s1:vi"]]);
    expect(run(mutation([patch("translations", B, A)]), gone).outcome).toMatchObject({
      code: "sync.stale_structure",
    });
    // A lock toggle on a stale base is structural too.
    const lock = mutation([patch("translations", B, cell({ locked: true }))]);
    expect(run(lock, changed).outcome).toMatchObject({ code: "sync.stale_structure" });
  });

  it("a delete of a cell with competing versions its base did not show is refused", () => {
    const S = cell({ competing: [version("của Rina")] });
    const r = run(mutation([patch("translations", B, null)]), serverState([["translations", S]]));
    expect(r.outcome).toMatchObject({ status: "refused", code: "sync.stale_structure" });
    // Seen (in the base): the delete goes through.
    const seen = run(
      mutation([patch("translations", S, null)]),
      serverState([["translations", S]]),
    );
    expect(seen.writes).toEqual([{ table: "translations", key: "s1:vi", docId: DOC, value: null }]);
  });

  it("a conflicting text edit and a stale structural patch in one mutation: nothing is written", () => {
    const current = serverState([
      ["translations", cell({ text: "khác" })],
      ["segments", segment({ source: "Halo!" })],
    ]);
    const m = mutation([
      patch("translations", B, A),
      patch("segments", segment(), segment({ source: "Hai" })),
    ]);
    const r = run(m, current);
    expect(r.outcome.status).toBe("refused");
    expect(r.writes).toEqual([]);
  });
});

describe("forbidden and idempotent", () => {
  it("a forbidden mutation writes nothing", () => {
    const r = run(
      mutation([patch("translations", B, cell({ status: "approved" }))]),
      serverState([["translations", B]]),
    );
    expect(r).toMatchObject({
      outcome: { status: "refused", code: "sync.forbidden_status" },
      writes: [],
    });
  });

  it("re-applying a mutation to its own result changes nothing", () => {
    const cases: Array<[Mutation, Map<string, SyncRecord | null>]> = [
      [
        mutation([patch("translations", B, A)]),
        serverState([["translations", cell({ competing: [version("x")] })]]),
      ],
      [
        mutation([patch("translations", B, A)]),
        serverState([["translations", cell({ text: "khác" })]]),
      ],
      [
        mutation([
          patch("translations", B, A),
          patch("revisions", null, revision({ uid: "r2", text: "chào bạn" })),
        ]),
        serverState([["translations", B]], [["revisions", "r2"]]),
      ],
      [
        mutation([
          patch("comments", comment(), comment({ open: 0, resolvedBy: "Tran", resolvedAt: "t" })),
        ]),
        serverState([["comments", comment({ text: "new" })]]),
      ],
    ];
    for (const [m, current] of cases) {
      const first = after(current, run(m, current).writes);
      const again = run(m, first);
      expect(again.outcome.status).not.toBe("refused");
      expect(after(first, again.writes)).toEqual(first);
    }
  });

  it("patches of one record in one mutation apply in order", () => {
    const mid = cell({ text: "một" });
    const r = run(
      mutation([patch("translations", B, mid), patch("translations", mid, A)]),
      serverState([["translations", B]]),
    );
    expect(r.writes).toEqual([{ table: "translations", key: "s1:vi", docId: DOC, value: A }]);
  });
});
