import { describe, expect, it } from "vitest";
import { filterBundle } from "../../../src/core/model/filter-bundle.ts";
import type { Bundle } from "../../../src/core/model/bundle.ts";

const bundle: Bundle = {
  documents: [
    {
      id: "d",
      title: "D",
      sourceLang: "id",
      segments: [
        {
          id: "a",
          paragraph: 0,
          source: "A.",
          targets: { vi: { text: "a", status: "approved" }, en: { text: "a", status: "draft" } },
        },
        {
          id: "b",
          paragraph: 0,
          source: "B.",
          targets: { vi: { text: "b", status: "translated" } },
        },
      ],
    },
  ],
};

describe("filterBundle", () => {
  it("keeps every source segment and only the targets of the chosen languages and statuses", () => {
    const approved = filterBundle(bundle, { statuses: ["approved"] });
    expect(approved.documents[0]!.segments.map((s) => Object.keys(s.targets))).toEqual([
      ["vi"],
      [],
    ]);
    const en = filterBundle(bundle, { languages: ["en"] });
    expect(en.documents[0]!.segments.map((s) => Object.keys(s.targets))).toEqual([["en"], []]);
    expect(filterBundle(bundle, {})).toEqual(bundle);
    const onlyApproved = filterBundle(bundle, { statuses: ["approved"], dropUntranslated: true });
    expect(onlyApproved.documents[0]!.segments.map((s) => s.id)).toEqual(["a"]);
    expect(bundle.documents[0]!.segments[0]!.targets.en).toBeDefined();
  });
});
