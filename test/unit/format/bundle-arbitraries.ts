/**
 * fast-check generators for Bundles, shared by the format property tests. Records are spread into
 * plain objects (fast-check may build null-prototype objects, which toStrictEqual tells apart).
 */
import fc from "fast-check";
import type {
  Bundle,
  BundleDocument,
  BundleSegment,
  BundleTarget,
} from "../../../src/core/model/bundle.ts";
import { LANGS } from "../../../src/core/model/languages.ts";
import { STATUSES } from "../../../src/core/model/status.ts";

/** Hostile pieces mixed into arbitrary Unicode: forbidden XML chars, markup, CR, combining marks. */
const HOSTILE = [
  "\u0000",
  "\u0001",
  "\u000b",
  "\u000c",
  "\u001f",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udfff",
  "]]>",
  "&",
  "&amp;",
  "<",
  ">",
  '"',
  "'",
  "\r",
  "\r\n",
  "\n",
  "\t",
  "e\u0301",
  "\u1ec7",
  "Vie\u0302\u0323t",
  "👍",
  "🇻🇳",
  "\u200b",
  "\u00a0",
  "<seg>",
  "&#1;",
  "\uE001",
  "\uE000",
  // Inline-code placeholders (canonical, as the TMX reader makes them) and forged ones.
  '\uE000<bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>\uE001',
  '\uE000<ept i="1">&lt;/b&gt;</ept>\uE001',
  '\uE000<ph x="2" type="lb">&lt;br/&gt;</ph>\uE001',
  "\uE000</seg><evil/><seg>\uE001",
  "\uE000<ept>no i</ept>\uE001",
];

export const hostileText = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
        { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
      ),
      { maxLength: maxLength / 4 },
    )
    .map((parts) => parts.join(""));

const isoDate = fc
  .date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2090-01-01T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());

const target: fc.Arbitrary<BundleTarget> = fc
  .record(
    {
      text: hostileText(),
      status: fc.constantFrom(...STATUSES),
      createdBy: fc.string({ maxLength: 8 }),
      createdAt: isoDate,
      changedBy: fc.string({ maxLength: 8 }),
      changedAt: isoDate,
    },
    { requiredKeys: ["text", "status"] },
  )
  .map((t) => ({ ...t }));

const segment = (id: string): fc.Arbitrary<BundleSegment> =>
  fc
    .record({
      id: fc.constant(id),
      paragraph: fc.nat({ max: 50 }),
      source: hostileText(),
      targets: fc.record({ vi: target, en: target }, { requiredKeys: [] }).map((t) => ({ ...t })),
    })
    .map((s) => ({ ...s }));

/** Bundles with unique document and segment ids (any strings otherwise). */
export const bundleArb = (
  options: { maxDocs?: number; maxSegments?: number } = {},
): fc.Arbitrary<Bundle> =>
  fc
    .array(fc.nat({ max: options.maxSegments ?? 6 }), { maxLength: options.maxDocs ?? 3 })
    .chain((sizes) =>
      fc.tuple(
        ...sizes.map((size, d): fc.Arbitrary<BundleDocument> =>
          fc
            .record(
              {
                id: fc.constant(`doc-${d}`),
                title: hostileText(20),
                sourceLang: fc.constantFrom(...LANGS),
                createdAt: isoDate,
                updatedAt: isoDate,
                segments: fc.tuple(
                  ...Array.from({ length: size }, (_, s) => segment(`d${d}-s${s}`)),
                ),
              },
              { requiredKeys: ["id", "title", "sourceLang", "segments"] },
            )
            .map((d) => ({ ...d })),
        ),
      ),
    )
    .map((documents) => ({ documents }));
