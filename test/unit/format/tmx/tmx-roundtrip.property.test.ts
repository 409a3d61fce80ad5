import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { Bundle, BundleDocument, BundleTarget } from "../../../../src/core/model/bundle.ts";
import { TARGET_LANGS } from "../../../../src/core/model/languages.ts";
import { readTmx } from "../../../../src/core/format/tmx/read-tmx.ts";
import { writeTmx } from "../../../../src/core/format/tmx/write-tmx.ts";
import { normalizeForXml } from "../../../../src/core/format/xml/xml-chars.ts";
import { findXmlUnsafeText } from "../../../../src/core/format/unsafe-text.ts";
import { checkTmxTexts } from "../../../helpers/xml-validators.ts";
import { bundleArb } from "../bundle-arbitraries.ts";

// Real tools (xmllint, python) and property runs: generous on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const OPTIONS = {
  creationTool: "Selaras",
  creationToolVersion: "0.1.0",
  creationDate: new Date(),
  // Sources without a target too: the round trip is about every text.
  includeUntranslated: true,
};

/** Dates survive to the second (TMX's YYYYMMDDThhmmssZ). */
function seconds(iso: string | undefined): string | undefined {
  return iso === undefined
    ? undefined
    : new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
}

/** The documented normalization: what a TMX round trip must give back. */
function expectedAfterTmx(bundle: Bundle): Bundle {
  const documents: BundleDocument[] = [];
  for (const doc of bundle.documents) {
    if (doc.segments.length === 0) continue;
    documents.push({
      id: normalizeForXml(doc.id),
      title: normalizeForXml(doc.title),
      sourceLang: doc.sourceLang,
      segments: doc.segments.map((seg) => {
        const targets: Partial<Record<(typeof TARGET_LANGS)[number], BundleTarget>> = {};
        for (const lang of TARGET_LANGS) {
          const t = seg.targets[lang];
          if (!t || lang === doc.sourceLang || normalizeForXml(t.text) === "") continue;
          const out: BundleTarget = { text: normalizeForXml(t.text), status: t.status };
          if (t.createdBy) out.createdBy = normalizeForXml(t.createdBy);
          if (t.createdAt) out.createdAt = seconds(t.createdAt)!;
          if (t.changedBy) out.changedBy = normalizeForXml(t.changedBy);
          if (t.changedAt) out.changedAt = seconds(t.changedAt)!;
          // An author made only of forbidden characters disappears.
          if (out.createdBy === "") delete out.createdBy;
          if (out.changedBy === "") delete out.changedBy;
          targets[lang] = out;
        }
        return {
          id: normalizeForXml(seg.id),
          paragraph: seg.paragraph,
          source: normalizeForXml(seg.source),
          targets,
        };
      }),
    });
  }
  return { documents };
}

describe("TMX round trip (property)", () => {
  it("arbitrary Unicode → writeTmx → readTmx gives the normalized text back, and every file is DTD-valid", () => {
    const written: string[] = [];
    fc.assert(
      fc.property(bundleArb(), (bundle) => {
        const tmx = writeTmx(bundle, OPTIONS);
        written.push(tmx);
        expect(readTmx(tmx)).toStrictEqual(expectedAfterTmx(bundle));
      }),
      { numRuns: 150 },
    );
    // One xmllint process for all generated files keeps this test at a few seconds.
    const result = checkTmxTexts(written);
    expect(result.detail).toBe("");
    expect(result.ok).toBe(true);
  });

  it("findXmlUnsafeText lists exactly the texts the writer alters by stripping", () => {
    fc.assert(
      fc.property(bundleArb(), (bundle) => {
        const listed = new Set(
          findXmlUnsafeText(bundle).map((e) => `${e.segmentId ?? ""}/${e.field}`),
        );
        for (const doc of bundle.documents) {
          for (const seg of doc.segments) {
            const changed =
              normalizeForXml(seg.source).normalize("NFC") !== seg.source.normalize("NFC");
            expect(listed.has(`${seg.id}/source`)).toBe(changed);
            for (const lang of TARGET_LANGS) {
              const t = seg.targets[lang];
              if (!t) continue;
              expect(listed.has(`${seg.id}/${lang}`)).toBe(
                normalizeForXml(t.text) !== t.text.normalize("NFC"),
              );
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
