/**
 * The glossary in the sync protocol: concepts validated, authorised per role (viewers never, a
 * translator limited to some languages leaves the others' terms alone, forged shapes refused), and
 * concurrent edits merged per language or kept as a competing version (never overwritten unseen).
 */
import { describe, expect, it } from "vitest";
import { authorizeMutation } from "../../../src/core/sync/authorize.ts";
import { applyMutation } from "../../../src/core/sync/apply-mutation.ts";
import { recordId } from "../../../src/core/sync/canonical.ts";
import { parsePushRequest } from "../../../src/core/sync/validate.ts";
import { PROTOCOL_VERSION, type SyncRecord } from "../../../src/core/sync/protocol.ts";
import {
  mutation,
  owner,
  patch,
  reviewer,
  serverState,
  translator,
  translatorVi,
  viewer,
} from "./fixtures.ts";

function concept(overrides: Partial<SyncRecord> = {}): SyncRecord {
  return {
    id: "g1",
    terms: [
      { lang: "id", text: "rumah sakit", status: "preferred" },
      { lang: "vi", text: "bệnh viện" },
      { lang: "en", text: "hospital" },
    ],
    ...overrides,
  };
}

const terms = (vi: string, en: string, id = "rumah sakit") => [
  { lang: "id", text: id, status: "preferred" },
  { lang: "vi", text: vi },
  { lang: "en", text: en },
];

const project = (patches: ReturnType<typeof patch>[], id = 1) => mutation(patches, id, null);
const held = () => serverState([["glossary", concept()]], [["glossary", "g2"]]);

describe("glossary: validation and permissions", () => {
  it("the push request accepts the glossary table", () => {
    const body = parsePushRequest({
      protocolVersion: PROTOCOL_VERSION,
      clientId: "c",
      projectId: "p",
      mutations: [project([patch("glossary", null, concept({ id: "g2" }))])],
    });
    expect(body.mutations[0]!.patches[0]!.table).toBe("glossary");
  });

  it("owners, translators and reviewers create, edit and delete concepts", () => {
    const add = project([patch("glossary", null, concept({ id: "g2" }))]);
    const edit = project([
      patch("glossary", concept(), concept({ terms: terms("nhà thương", "hospital") })),
    ]);
    const remove = project([patch("glossary", concept(), null)]);
    for (const member of [owner, translator, reviewer]) {
      for (const m of [add, edit, remove]) expect(authorizeMutation(member, m, held())).toBeNull();
    }
  });

  it("a viewer's glossary patch is refused, and applyMutation writes nothing", () => {
    const forged = project([patch("glossary", null, concept({ id: "g2" }))]);
    expect(authorizeMutation(viewer, forged, held())).toEqual({
      code: "sync.forbidden_role",
      params: { role: "viewer" },
    });
    const result = applyMutation({ mutation: forged, member: viewer, current: held() });
    expect(result.outcome).toMatchObject({ status: "refused", code: "sync.forbidden_role" });
    expect(result.writes).toEqual([]);
  });

  it("a translator limited to Vietnamese changes Vietnamese and source terms, never English", () => {
    const vi = project([
      patch("glossary", concept(), concept({ terms: terms("nhà thương", "hospital") })),
    ]);
    const source = project([
      patch(
        "glossary",
        concept(),
        concept({ terms: terms("bệnh viện", "hospital", "rumah-sakit") }),
      ),
    ]);
    const en = project([
      patch("glossary", concept(), concept({ terms: terms("bệnh viện", "clinic") })),
    ]);
    expect(authorizeMutation(translatorVi, vi, held())).toBeNull();
    expect(authorizeMutation(translatorVi, source, held())).toBeNull();
    expect(authorizeMutation(translatorVi, en, held())).toMatchObject({
      code: "sync.forbidden_lang",
      params: { table: "glossary", key: "g1", lang: "en" },
    });
    // Deleting the concept deletes its English term too.
    expect(
      authorizeMutation(translatorVi, project([patch("glossary", concept(), null)]), held()),
    ).toMatchObject({
      code: "sync.forbidden_lang",
    });
  });

  it("forged shapes are refused as bad records", () => {
    const cases: Array<[SyncRecord, string]> = [
      [{ id: "g2" }, "after.terms"],
      [{ id: "g2", terms: "hospital" }, "after.terms"],
      [{ id: "g2", terms: [{ lang: "vi" }] }, "after.terms[0].text"],
      [{ id: "g2", terms: [{ lang: "", text: "x" }] }, "after.terms[0].lang"],
      [{ id: "g2", terms: [{ lang: "vi", text: "x", status: "best" }] }, "after.terms[0].status"],
      [{ id: "g2", terms: [{ lang: "vi", text: "x", variants: [1] }] }, "after.terms[0].variants"],
      [{ id: "g2", terms: [], note: 5 }, "after.note"],
      [{ id: "g2", terms: [], competing: [{ text: "x" }] }, "after.competing[0]"],
      [{ id: "other", terms: [] }, "after.id"],
    ];
    for (const [record, field] of cases) {
      const m = project([{ table: "glossary", key: "g2", before: null, after: record }]);
      expect(authorizeMutation(owner, m, held()), field).toEqual({
        code: "sync.bad_record",
        params: { table: "glossary", key: "g2", field },
      });
    }
    // A concept sent as part of a document's mutation does not belong to that document.
    const inDoc = mutation([patch("glossary", null, concept({ id: "g2" }))]);
    expect(authorizeMutation(owner, inDoc, held())).toMatchObject({
      code: "sync.bad_record",
      params: { field: "after.docId" },
    });
  });
});

describe("glossary: applying concurrent edits", () => {
  const at = "2026-02-02T00:00:00.000Z";

  it("an edit on the server's state is applied", () => {
    const after = concept({ terms: terms("nhà thương", "hospital") });
    const r = applyMutation({
      mutation: project([patch("glossary", concept(), after)]),
      member: translator,
      current: held(),
    });
    expect(r.outcome.status).toBe("applied");
    expect(r.writes).toEqual([{ table: "glossary", key: "g1", docId: null, value: after }]);
  });

  it("edits of different languages by two members are both kept (merged per language)", () => {
    // The server already has Tran's Vietnamese edit; Rina, who did not see it, changes English.
    const server = concept({ terms: terms("nhà thương", "hospital") });
    const r = applyMutation({
      mutation: project([
        patch(
          "glossary",
          concept(),
          concept({ terms: terms("bệnh viện", "clinic"), note: "medical" }),
        ),
      ]),
      member: reviewer,
      current: serverState([["glossary", server]]),
    });
    expect(r.outcome.status).toBe("applied");
    expect(r.writes[0]!.value).toEqual({
      id: "g1",
      terms: terms("nhà thương", "clinic"),
      note: "medical",
    });
  });

  it("the same language changed differently: the server's terms stay, the other is a competing version", () => {
    const server = concept({ terms: terms("nhà thương", "hospital") });
    const mine = concept({ terms: terms("bệnh viện đa khoa", "hospital") });
    const r = applyMutation({
      mutation: project([patch("glossary", concept(), mine)]),
      member: reviewer,
      current: serverState([["glossary", server]]),
    });
    expect(r.outcome).toEqual({ id: 1, status: "conflict", keys: ["g1"] });
    expect(r.writes[0]!.value).toEqual({
      ...server,
      competing: [{ concept: mine, by: "Rina", at, source: "sync" }],
    });
    // Whoever then keeps the current version drops the competing one; an edit that did not see it
    // keeps it (nothing dropped unseen).
    const conflicted = r.writes[0]!.value!;
    const unseen = applyMutation({
      mutation: project([patch("glossary", server, { ...server, note: "n" })], 2),
      member: translator,
      current: serverState([["glossary", conflicted]]),
    });
    expect(unseen.writes[0]!.value!.competing).toEqual(conflicted.competing);
    const resolved = applyMutation({
      mutation: project([patch("glossary", conflicted, server)], 3),
      member: translator,
      current: serverState([["glossary", conflicted]]),
    });
    expect(resolved.writes[0]!.value).toEqual(server);
  });

  it("a delete of a concept someone changed since, or of one with unseen versions, is refused", () => {
    const server = concept({ terms: terms("nhà thương", "hospital") });
    const stale = applyMutation({
      mutation: project([patch("glossary", concept(), null)]),
      member: owner,
      current: serverState([["glossary", server]]),
    });
    expect(stale.outcome).toMatchObject({ status: "refused", code: "sync.stale_structure" });
    const withVersion = {
      ...concept(),
      competing: [{ concept: server, by: "Tran", at, source: "sync" }],
    };
    const unseen = applyMutation({
      mutation: project([patch("glossary", concept(), null)]),
      member: owner,
      current: serverState([["glossary", withVersion]]),
    });
    expect(unseen.outcome).toMatchObject({ status: "refused", code: "sync.stale_structure" });
  });

  it("an edit of a concept someone deleted is refused; of one the project never had, it creates it", () => {
    const after = concept({ terms: terms("nhà thương", "hospital") });
    const m = project([patch("glossary", concept(), after)]);
    const deleted = serverState([], [["glossary", "g1"]]);
    const refused = applyMutation({ mutation: m, member: translator, current: deleted });
    expect(refused.outcome).toMatchObject({ status: "refused", code: "sync.stale_structure" });
    const created = applyMutation({
      mutation: m,
      member: translator,
      current: deleted,
      neverStored: new Set([recordId("glossary", "g1")]),
    });
    expect(created.outcome.status).toBe("applied");
    expect(created.writes[0]!.value).toEqual(after);
  });

  it("a create that meets a concept under the same id merges as an edit from no terms", () => {
    const server = concept();
    const same = applyMutation({
      mutation: project([patch("glossary", null, concept())]),
      member: translator,
      current: held(),
    });
    expect(same.outcome.status).toBe("applied");
    const other = concept({ terms: terms("nhà thương", "hospital") });
    const differs = applyMutation({
      mutation: project([patch("glossary", null, other)]),
      member: translator,
      current: held(),
    });
    expect(differs.outcome.status).toBe("conflict");
    expect(differs.writes[0]!.value).toEqual({
      ...server,
      competing: [{ concept: other, by: "Tran", at, source: "sync" }],
    });
  });
});
