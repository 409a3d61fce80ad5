import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePullRequest, parsePushRequest } from "../../../src/core/sync/validate.ts";
import { AppError } from "../../../src/core/model/app-error.ts";
import { PUSH_BATCH } from "../../../src/core/sync/protocol.ts";
import { cell, mutation, patch } from "./fixtures.ts";

const good = () => ({
  protocolVersion: 1,
  clientId: "client-1",
  projectId: "p1",
  mutations: [
    mutation([patch("translations", cell(), cell({ text: "x" }))], 1),
    mutation([patch("translations", cell({ text: "x" }), cell({ text: "y" }))], 2),
  ],
});

function badPath(body: unknown, parse: (b: unknown) => unknown = parsePushRequest): string {
  try {
    parse(body);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("sync.bad_request");
    return String((e as AppError).params.path);
  }
  throw new Error("accepted");
}

describe("parsePushRequest", () => {
  it("accepts a well-formed push and returns only the protocol's fields", () => {
    const body = { ...good(), extra: "dropped" };
    const parsed = parsePushRequest(JSON.parse(JSON.stringify(body)));
    expect(parsed).toEqual(good());
    expect("extra" in parsed).toBe(false);
    expect(parsePushRequest({ ...good(), mutations: [] }).mutations).toEqual([]);
  });

  it("refuses each malformed field, naming it", () => {
    const g = good();
    const m0 = g.mutations[0]!;
    const p0 = m0.patches[0]!;
    const withMutation = (m: unknown) => ({ ...g, mutations: [m] });
    const withPatch = (p: unknown) => withMutation({ ...m0, patches: [p] });
    const cases: Array<[unknown, string]> = [
      [null, "$"],
      [[], "$"],
      ["push", "$"],
      [{ ...g, protocolVersion: 2 }, "protocolVersion"],
      [{ ...g, protocolVersion: "1" }, "protocolVersion"],
      [{ ...g, clientId: "" }, "clientId"],
      [{ ...g, clientId: 5 }, "clientId"],
      [{ ...g, projectId: "x".repeat(513) }, "projectId"],
      [{ ...g, mutations: {} }, "mutations"],
      [{ ...g, mutations: [g.mutations[1], g.mutations[0]] }, "mutations[1].id"],
      [{ ...g, mutations: [m0, { ...m0 }] }, "mutations[1].id"],
      [withMutation({ ...m0, id: 1.5 }), "mutations[0].id"],
      [withMutation({ ...m0, id: 0 }), "mutations[0].id"],
      [withMutation({ ...m0, id: "1" }), "mutations[0].id"],
      [withMutation({ ...m0, docId: 3 }), "mutations[0].docId"],
      [withMutation({ ...m0, label: "x".repeat(101) }), "mutations[0].label"],
      [withMutation({ ...m0, at: undefined }), "mutations[0].at"],
      [withMutation({ ...m0, patches: null }), "mutations[0].patches"],
      [withPatch({ ...p0, table: "users" }), "mutations[0].patches[0].table"],
      [withPatch({ ...p0, table: "__proto__" }), "mutations[0].patches[0].table"],
      [withPatch({ ...p0, key: 7 }), "mutations[0].patches[0].key"],
      [withPatch({ ...p0, key: "k".repeat(513) }), "mutations[0].patches[0].key"],
      [withPatch({ ...p0, key: "a\u0000b" }), "mutations[0].patches[0].key"],
      [withPatch({ ...p0, before: [] }), "mutations[0].patches[0].before"],
      [withPatch({ ...p0, after: "text" }), "mutations[0].patches[0].after"],
      [withPatch({ ...p0, after: undefined }), "mutations[0].patches[0].after"],
      [withPatch({ ...p0, before: null, after: null }), "mutations[0].patches[0].after"],
      [
        withPatch({ ...p0, after: { ...p0.after, text: "x".repeat(1_000_001) } }),
        "mutations[0].patches[0].after.text",
      ],
      [
        withPatch({ ...p0, after: { ...p0.after, confidence: Number.NaN } }),
        "mutations[0].patches[0].after.confidence",
      ],
      [
        withPatch({ ...p0, after: { ...p0.after, when: new Date(0) } }),
        "mutations[0].patches[0].after.when",
      ],
    ];
    for (const [body, path] of cases) expect(badPath(body), JSON.stringify(path)).toBe(path);
  });

  it("accepts strings up to 1,000,000 characters and refuses deep nesting", () => {
    const g = good();
    const p0 = g.mutations[0]!.patches[0]!;
    const long = { ...p0, after: { ...p0.after, text: "x".repeat(1_000_000) } };
    expect(() =>
      parsePushRequest({ ...g, mutations: [{ ...g.mutations[0], patches: [long] }] }),
    ).not.toThrow();
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const nested = { ...p0, after: { ...p0.after, deep } };
    expect(badPath({ ...g, mutations: [{ ...g.mutations[0], patches: [nested] }] })).toMatch(
      /^mutations\[0\]\.patches\[0\]\.after\.deep/,
    );
  });

  it("at most PUSH_BATCH mutations and 50,000 patches per mutation", () => {
    const g = good();
    const many = Array.from({ length: PUSH_BATCH + 1 }, (_, i) => ({
      ...g.mutations[0],
      id: i + 1,
    }));
    expect(badPath({ ...g, mutations: many })).toBe("mutations");
    expect(parsePushRequest({ ...g, mutations: many.slice(0, PUSH_BATCH) }).mutations).toHaveLength(
      PUSH_BATCH,
    );
    const p0 = g.mutations[0]!.patches[0]!;
    const patches = Array.from({ length: 50_001 }, () => p0);
    expect(badPath({ ...g, mutations: [{ ...g.mutations[0], patches }] })).toBe(
      "mutations[0].patches",
    );
    const ok = { ...g, mutations: [{ ...g.mutations[0], patches: patches.slice(1) }] };
    expect(parsePushRequest(ok).mutations[0]!.patches).toHaveLength(50_000);
  });

  it("never throws anything but sync.bad_request on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parsePushRequest(value);
          parsePullRequest(value);
        } catch (e) {
          expect((e as AppError).code).toBe("sync.bad_request");
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("parsePullRequest", () => {
  const pull = { protocolVersion: 1, clientId: "c", projectId: "p", cursor: 0 };

  it("accepts a cursor of 0 or more", () => {
    expect(parsePullRequest({ ...pull, cursor: 12, other: 1 })).toEqual({ ...pull, cursor: 12 });
  });

  it("refuses a bad cursor, version or id", () => {
    const p = parsePullRequest;
    expect(badPath({ ...pull, cursor: -1 }, p)).toBe("cursor");
    expect(badPath({ ...pull, cursor: 1.5 }, p)).toBe("cursor");
    expect(badPath({ ...pull, cursor: "3" }, p)).toBe("cursor");
    expect(badPath({ ...pull, protocolVersion: 0 }, p)).toBe("protocolVersion");
    expect(badPath({ ...pull, projectId: null }, p)).toBe("projectId");
    expect(badPath("x", p)).toBe("$");
  });
});
