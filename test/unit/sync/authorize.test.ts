import { describe, expect, it } from "vitest";
import { authorizeMutation } from "../../../src/core/sync/authorize.ts";
import { applyMutation } from "../../../src/core/sync/apply-mutation.ts";
import type { Member, Mutation, SyncRecord } from "../../../src/core/sync/protocol.ts";
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
  translatorVi,
  viewer,
} from "./fixtures.ts";

const base = cell();
const state = () =>
  serverState(
    [
      ["translations", base],
      ["translations", cell({ id: "s1:en", lang: "en", text: "hello" })],
      ["segments", segment()],
      ["comments", comment()],
      ["revisions", revision()],
    ],
    [
      ["translations", "s2:vi"],
      ["translations", "s2:en"],
      ["segments", "s2"],
      ["comments", "c2"],
      ["revisions", "r2"],
      ["documents", DOC],
      ["memory", "m1"],
      ["tmxExtras", "x1"],
    ],
  );

function check(member: Member, m: Mutation, current = state()) {
  return authorizeMutation(member, m, current);
}

const edit = mutation([patch("translations", base, cell({ text: "chào" }))]);
const approve = mutation([patch("translations", base, cell({ status: "approved" }))]);
const reject = mutation([patch("translations", base, cell({ status: "rejected" }))]);
const split = mutation([
  patch("segments", segment(), segment({ source: "Ha" })),
  patch("segments", null, segment({ id: "s2", order: "a1", source: "lo." })),
]);
const moveCell = mutation([patch("translations", base, cell({ order: "a5" }))]);
const spanCell = mutation([patch("translations", base, cell({ span: 2 }))]);
const lockCell = mutation([patch("translations", base, cell({ locked: true }))]);
const deleteCell = mutation([patch("translations", base, null)]);
const createCell = (span: number) =>
  mutation([patch("translations", null, cell({ id: "s2:vi", segmentId: "s2", span }))]);
const writeEn = mutation([
  patch(
    "translations",
    cell({ id: "s1:en", lang: "en", text: "hello" }),
    cell({ id: "s1:en", lang: "en", text: "hi" }),
  ),
]);
const addComment = (author: string) =>
  mutation([patch("comments", null, comment({ id: "c2", author }))]);
const editComment = mutation([
  patch("comments", comment(), comment({ text: "Check the place name." })),
]);
const resolveComment = mutation([
  patch("comments", comment(), comment({ open: 0, resolvedBy: "Tran", resolvedAt: "2026-02-02" })),
]);
const addRevision = (status = "draft") =>
  mutation([patch("revisions", null, revision({ uid: "r2", status }))]);
const shareDoc = mutation([
  patch("documents", null, { id: DOC, title: "T", sourceLang: "id", segmentCount: 1 }),
]);
const addMemory = mutation(
  [patch("memory", null, { uid: "m1", key: "halo", source: "Halo.", targets: {} })],
  1,
  null,
);
const tmx = mutation([patch("tmxExtras", null, { key: "x1", docId: DOC, value: {} })]);

describe("authorizeMutation: viewer", () => {
  it("may write nothing", () => {
    for (const m of [edit, approve, addComment("Vic"), addRevision(), split, shareDoc, addMemory]) {
      expect(check(viewer, m)).toEqual({ code: "sync.forbidden_role", params: { role: "viewer" } });
    }
  });
});

describe("authorizeMutation: translator", () => {
  it("edits, confirms, restructures, comments and adds memory", () => {
    for (const m of [
      edit,
      mutation([patch("translations", base, cell({ status: "translated" }))]),
      split,
      moveCell,
      spanCell,
      lockCell,
      deleteCell,
      createCell(2),
      addComment("Tran"),
      addRevision(),
      shareDoc,
      addMemory,
      tmx,
    ]) {
      expect(check(translator, m)).toBeNull();
    }
  });

  it("cannot approve or reject, nor create an approved cell or revision", () => {
    for (const m of [approve, reject]) {
      expect(check(translator, m)?.code).toBe("sync.forbidden_status");
    }
    const approvedCreate = mutation([
      patch("translations", null, cell({ id: "s2:vi", status: "approved" })),
    ]);
    expect(check(translator, approvedCreate)?.code).toBe("sync.forbidden_status");
    expect(check(translator, addRevision("approved"))?.code).toBe("sync.forbidden_status");
    expect(check(translator, addRevision("rejected"))?.code).toBe("sync.forbidden_status");
  });

  it("may edit an approved cell's text (it becomes draft) and move an approved cell", () => {
    const approved = cell({ status: "approved" });
    const current = serverState([["translations", approved]]);
    expect(
      check(translator, mutation([patch("translations", approved, cell({ text: "x" }))]), current),
    ).toBeNull();
    expect(
      check(
        translator,
        mutation([patch("translations", approved, cell({ status: "approved", order: "a3" }))]),
        current,
      ),
    ).toBeNull();
  });

  it("cannot promote by claiming a forged approved base", () => {
    // The server's cell is draft; the patch pretends it was approved.
    const forged = mutation([
      patch(
        "translations",
        cell({ status: "approved", text: "old" }),
        cell({ status: "approved" }),
      ),
    ]);
    expect(check(translator, forged)?.code).toBe("sync.forbidden_status");
    const r = applyMutation({ mutation: forged, member: translator, current: state() });
    expect(r.outcome.status).toBe("refused");
    expect(r.writes).toEqual([]);
  });

  it("limited to vi: cannot write en cells, comments or revisions", () => {
    expect(check(translatorVi, edit)).toBeNull();
    expect(check(translatorVi, writeEn)).toEqual({
      code: "sync.forbidden_lang",
      params: { table: "translations", key: "s1:en", lang: "en" },
    });
    const enComment = mutation([
      patch("comments", null, comment({ id: "c2", lang: "en", author: "Vy" })),
    ]);
    expect(check(translatorVi, enComment)?.code).toBe("sync.forbidden_lang");
    const enRevision = mutation([patch("revisions", null, revision({ uid: "r2", lang: "en" }))]);
    expect(check(translatorVi, enRevision)?.code).toBe("sync.forbidden_lang");
    // Moving a vi cell into the en column is writing en.
    const toEn = mutation([patch("translations", base, cell({ lang: "en" }))]);
    expect(check(translatorVi, toEn)?.code).toBe("sync.forbidden_lang");
    // A split that also changes the en column is refused as a whole.
    const splitBoth = mutation([...split.patches, ...writeEn.patches]);
    expect(check(translatorVi, splitBoth)?.code).toBe("sync.forbidden_lang");
    expect(check(translatorVi, split)).toBeNull();
  });
});

describe("authorizeMutation: reviewer", () => {
  it("edits text and status of cells, adds cells of span 1, comments and revisions", () => {
    for (const m of [
      edit,
      approve,
      reject,
      createCell(1),
      addComment("Rina"),
      addRevision("approved"),
      resolveComment,
      editComment,
    ]) {
      expect(check(reviewer, m)).toBeNull();
    }
  });

  it("cannot split or merge, move, re-span, lock or delete a cell, nor documents, memory, tmx", () => {
    const merge = mutation([
      patch("segments", segment(), segment({ source: "Halo. Apa kabar?" })),
      patch("segments", segment({ id: "s2", order: "a1" }), null),
    ]);
    for (const m of [
      split,
      merge,
      moveCell,
      spanCell,
      lockCell,
      deleteCell,
      createCell(2),
      createCell(0),
      shareDoc,
      addMemory,
      tmx,
    ]) {
      expect(check(reviewer, m)?.code).toBe("sync.forbidden_structure");
    }
  });
});

describe("authorizeMutation: owner", () => {
  it("may do everything the others may", () => {
    for (const m of [edit, approve, reject, split, moveCell, deleteCell, createCell(3), shareDoc]) {
      expect(check(owner, m)).toBeNull();
    }
    for (const m of [addMemory, tmx, addRevision("approved"), addComment("Owner")]) {
      expect(check(owner, m)).toBeNull();
    }
  });
});

describe("authorizeMutation: comments belong to their author", () => {
  it("a new comment names the member (account name or user id)", () => {
    expect(check(translator, addComment("Tran"))).toBeNull();
    expect(check(translator, addComment("u-tr"))).toBeNull();
    expect(check(translator, addComment("Rina"))?.code).toBe("sync.forbidden_author");
    expect(check(owner, addComment("Rina"))?.code).toBe("sync.forbidden_author");
  });

  it("only the author changes the text; anyone who may comment resolves", () => {
    expect(check(reviewer, editComment)).toBeNull();
    expect(check(translator, editComment)).toEqual({
      code: "sync.forbidden_author",
      params: { table: "comments", key: "c1" },
    });
    expect(check(owner, editComment)?.code).toBe("sync.forbidden_author");
    expect(check(translator, resolveComment)).toBeNull();
  });

  it("the author never changes; deleting is the author's or an owner's", () => {
    const steal = mutation([patch("comments", comment(), comment({ author: "Tran" }))]);
    expect(check(translator, steal)?.code).toBe("sync.forbidden_author");
    const forgedBase = mutation([
      patch("comments", comment({ author: "Tran" }), comment({ author: "Tran", text: "mine" })),
    ]);
    expect(check(translator, forgedBase)?.code).toBe("sync.forbidden_author");
    const remove = mutation([patch("comments", comment(), null)]);
    expect(check(translator, remove)?.code).toBe("sync.forbidden_author");
    expect(check(reviewer, remove)).toBeNull();
    expect(check(owner, remove)).toBeNull();
  });
});

describe("authorizeMutation: bad records", () => {
  const bad = (m: Mutation, current = state()) => check(owner, m, current);

  it("revisions and memory are append-only", () => {
    const r = revision();
    expect(bad(mutation([patch("revisions", r, { ...r, text: "changed" })]))).toEqual({
      code: "sync.bad_record",
      params: { table: "revisions", key: "r1", field: "before" },
    });
    expect(bad(mutation([patch("revisions", r, null)]))?.code).toBe("sync.bad_record");
    const unit: SyncRecord = { uid: "m1", key: "k", source: "s", targets: {} };
    expect(bad(mutation([patch("memory", unit, null)], 1, null))?.code).toBe("sync.bad_record");
  });

  it("a record of another document, or under another key, is refused", () => {
    const other = cell({ docId: "d2" });
    expect(bad(mutation([patch("translations", base, other)]))).toEqual({
      code: "sync.bad_record",
      params: { table: "translations", key: "s1:vi", field: "after.docId" },
    });
    // The server's record under that key belongs to another document.
    const theirs = serverState([["translations", cell({ docId: "d2" })]]);
    expect(bad(edit, theirs)?.params.field).toBe("current.docId");
    const wrongKey = mutation([
      { table: "translations", key: "s9:vi", before: base, after: cell({ text: "x" }) },
    ]);
    expect(bad(wrongKey)?.params.field).toBe("before.id");
    const revKey = mutation([{ table: "revisions", key: "r9", before: null, after: revision() }]);
    expect(bad(revKey)?.params.field).toBe("after.uid");
    // Memory is project-level: a mutation for a document cannot carry it, and vice versa.
    expect(bad({ ...addMemory, docId: DOC })?.params.field).toBe("after.docId");
    expect(bad({ ...edit, docId: null })?.params.field).toBe("before.docId");
    // A document record is its own document.
    expect(bad({ ...shareDoc, docId: "d2" })?.params.field).toBe("after.id");
  });

  it("a cell or comment missing a field the rules read, or a patch with neither side", () => {
    expect(bad(mutation([patch("translations", base, cell({ text: 3 }))]))?.params.field).toBe(
      "after.text",
    );
    expect(
      bad(mutation([patch("translations", base, cell({ status: "done" }))]))?.params.field,
    ).toBe("after.status");
    expect(bad(mutation([patch("translations", base, cell({ lang: "fr" }))]))?.params.field).toBe(
      "after.lang",
    );
    expect(bad(mutation([patch("comments", null, comment({ id: "c2", open: 2 }))]))?.code).toBe(
      "sync.bad_record",
    );
    expect(
      bad(mutation([{ table: "translations", key: "s1:vi", before: null, after: null }]))?.code,
    ).toBe("sync.bad_record");
  });

  it("an empty mutation (a burst that cancelled out) is allowed", () => {
    expect(check(translator, mutation([]))).toBeNull();
  });
});
