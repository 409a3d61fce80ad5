import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import {
  canonicalJson,
  recordId,
  sameContent,
  sameRecordExactly,
} from "../../../src/core/sync/canonical.ts";
import { pendingKeySet, touchedKeys } from "../../../src/core/sync/touched-keys.ts";
import { cell, mutation, patch, segment } from "./fixtures.ts";

/** The same object with its keys inserted in reverse order, at every depth. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).reverse()) {
      // defineProperty, so that a "__proto__" member stays a member (fast-check generates them).
      Object.defineProperty(out, k, {
        value: reversed((value as never)[k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":0,"z":1}]},"b":1}',
    );
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson("x")).toBe('"x"');
  });

  it("keeps a member named __proto__ (found by the property below)", () => {
    const hostile = JSON.parse('{"__proto__":false,"a":1}') as unknown;
    expect(canonicalJson(hostile)).toBe('{"__proto__":false,"a":1}');
    expect(canonicalJson(hostile)).not.toBe(canonicalJson({ a: 1 }));
  });

  it("is the same for any key order and parses back to an equal value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reversed(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("is equal exactly when the values are deeply equal (any key order)", () => {
    const pair = fc
      .jsonValue()
      .chain((a) => fc.tuple(fc.constant(a), fc.oneof(fc.constant(reversed(a)), fc.jsonValue())));
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
        expect(canonicalJson(a) === canonicalJson(b)).toBe(isDeepStrictEqual(plain(a), plain(b)));
      }),
      { numRuns: 300 },
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});

describe("sameContent", () => {
  it("ignores key order and competing versions, not other fields", () => {
    const a = cell();
    const b = reversed({ ...a, competing: [{ text: "x" }] }) as Record<string, unknown>;
    expect(sameContent(a, b)).toBe(true);
    expect(sameRecordExactly(a, b)).toBe(false);
    expect(sameRecordExactly(a, reversed(a) as never)).toBe(true);
    expect(sameContent(a, cell({ text: "other" }))).toBe(false);
    expect(sameContent(a, cell({ status: "translated" }))).toBe(false);
  });

  it("agrees with canonical JSON equality on arbitrary records (key order, undefined, NaN)", () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(undefined, Number.NaN, Infinity, -0, 0, null),
    );
    const rec = fc.dictionary(fc.constantFrom("a", "b", "competing", "text"), value, {
      maxKeys: 4,
    });
    const pair = rec.chain((a) =>
      fc.tuple(
        fc.constant(a),
        fc.oneof(
          fc.constant(reversed(a) as Record<string, unknown>),
          rec,
          fc.constant({ ...a, competing: [1] }),
          fc.constant({ ...a, extra: undefined }),
        ),
      ),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(sameRecordExactly(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        const strip = ({ competing: _c, ...rest }: Record<string, unknown>) => rest;
        expect(sameContent(a, b)).toBe(canonicalJson(strip(a)) === canonicalJson(strip(b)));
      }),
      { numRuns: 500 },
    );
  });

  it("null equals only null", () => {
    expect(sameContent(null, null)).toBe(true);
    expect(sameContent(null, cell())).toBe(false);
    expect(sameContent(cell(), null)).toBe(false);
  });
});

describe("recordId and touched keys", () => {
  it("joins table and key with U+0000", () => {
    expect(recordId("translations", "s1:vi")).toBe("translations\u0000s1:vi");
    expect(recordId("segments", "a")).not.toBe(recordId("translations", "a"));
  });

  it("lists each touched record once, in first-touched order", () => {
    const m1 = mutation([patch("translations", null, cell()), patch("segments", null, segment())]);
    const m2 = mutation(
      [
        patch("segments", segment(), segment({ source: "Hai." })),
        patch("translations", null, cell({ id: "s2:vi" })),
      ],
      2,
    );
    expect(touchedKeys([m1, m2])).toEqual([
      { table: "translations", key: "s1:vi" },
      { table: "segments", key: "s1" },
      { table: "translations", key: "s2:vi" },
    ]);
    expect(pendingKeySet([m1, m2])).toEqual(
      new Set([
        recordId("translations", "s1:vi"),
        recordId("segments", "s1"),
        recordId("translations", "s2:vi"),
      ]),
    );
    expect(touchedKeys([])).toEqual([]);
  });
});
