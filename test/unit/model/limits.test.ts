import { describe, expect, it } from "vitest";
import {
  LIMITS,
  checkBundleLimits,
  checkDocumentLimits,
  checkTextFileSize,
} from "../../../src/core/model/limits.ts";
import type { Bundle } from "../../../src/core/model/bundle.ts";

const row = (source: string, vi?: string) => ({ source, targets: [vi] });

describe("document limits", () => {
  it("takes a document at the limits and refuses one past them, saying where", () => {
    const longest = "a".repeat(LIMITS.segmentChars);
    expect(() => checkDocumentLimits("T", [row("Satu."), row(longest, longest)])).not.toThrow();
    expect(() => checkDocumentLimits("T", [row("Satu."), row(`${longest}a`)])).toThrow(
      expect.objectContaining({
        code: "import.segmentTooLong",
        params: { title: "T", n: 2, length: LIMITS.segmentChars + 1, limit: 65_536 },
      }),
    );
    // A target past the limit is refused like a source.
    expect(() => checkDocumentLimits("T", [row("Satu.", `${longest}b`)])).toThrow(
      expect.objectContaining({ code: "import.segmentTooLong" }),
    );
    const many = Array.from({ length: LIMITS.documentSegments }, () => row("x."));
    expect(() => checkDocumentLimits("T", many)).not.toThrow();
    expect(() => checkDocumentLimits("T", [...many, row("y.")])).toThrow(
      expect.objectContaining({
        code: "import.tooManySegments",
        params: { title: "T", count: 100_001, limit: 100_000 },
      }),
    );
  });

  it("checks a bundle's rows and its aligned cells", () => {
    const bundle: Bundle = {
      documents: [
        {
          id: "d",
          title: "D",
          sourceLang: "id",
          segments: [{ id: "s", paragraph: 0, source: "Satu.", targets: {} }],
          alignment: {
            en: [
              {
                text: "x".repeat(LIMITS.segmentChars + 1),
                status: "draft",
                span: 1,
                origin: "typed",
                confidence: null,
                locked: false,
              },
            ],
          },
        },
      ],
    };
    expect(() => checkBundleLimits(bundle)).toThrow(
      expect.objectContaining({
        code: "import.segmentTooLong",
        params: expect.objectContaining({ n: 1 }),
      }),
    );
    bundle.documents[0]!.alignment = {};
    expect(() => checkBundleLimits(bundle)).not.toThrow();
  });

  it("refuses a text file past the size limit before reading it", () => {
    expect(() => checkTextFileSize("a.txt", LIMITS.textFileBytes)).not.toThrow();
    expect(() => checkTextFileSize("a.txt", LIMITS.textFileBytes + 1)).toThrow(
      expect.objectContaining({
        code: "import.fileTooLarge",
        params: { file: "a.txt", size: 65, limit: 64 },
      }),
    );
  });
});
