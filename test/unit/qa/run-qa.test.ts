import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BundleDocument } from "../../../src/core/model/bundle.ts";
import { applyDismissals, liveDismissals } from "../../../src/core/qa/dismissals.ts";
import type { QaDismissal } from "../../../src/core/qa/dismissals.ts";
import { FINDING_CODES, messageKey } from "../../../src/core/qa/registry.ts";
import { runQa } from "../../../src/core/qa/run-qa.ts";
import { restoreQaSettings } from "../../../src/core/qa/settings.ts";
import en from "../../../src/i18n/locales/en/qa.json";

const root = join(import.meta.dirname, "..", "..", "..");
const NAMES = ["konvensi-hanoi-menteri-luong-tam-quang", "konvensi-hanoi-upacara-penandatanganan"];
const paragraphs = (lang: string, name: string) =>
  readFileSync(join(root, "corpus", lang, `${name}.txt`), "utf8")
    .split("\n")
    .filter((p) => p.trim() !== "");

/** The corpus as documents: one row per paragraph, both translations confirmed. */
function corpusDocuments(): BundleDocument[] {
  return NAMES.map((name) => {
    const [id, vi, en] = ["id", "vi", "en"].map((l) => paragraphs(l, name));
    return {
      id: name,
      title: name,
      sourceLang: "id",
      segments: id!.map((source, k) => ({
        id: `p${k}`,
        paragraph: k,
        source,
        targets: {
          vi: { text: vi![k]!, status: "translated" },
          en: { text: en![k]!, status: "translated" },
        },
      })),
    };
  });
}

const summary = (docs: BundleDocument[]) =>
  runQa(docs).map(
    (f) =>
      `${f.documentId.slice(15, 22)} ${f.row} ${f.lang} ${f.finding.code} ${f.finding.severity}`,
  );

describe("runQa over the shipped corpus", () => {
  it("raises no error or warning on the translators' own work", () => {
    // Only the caption whose full stop moved behind "(photo: VNA)" is noted.
    expect(summary(corpusDocuments())).toEqual([
      "upacara 5 en punctuation.end info",
      "upacara 5 vi punctuation.end info",
    ]);
  });

  it("finds planted errors, in the right column", () => {
    const docs = corpusDocuments();
    const seg = docs[1]!.segments;
    const at = (k: number) =>
      seg.findIndex((s) => s.source.includes(["Pasal 64", "W-HAI_1275.jpg", "Berlangsung"][k]!));
    const article = seg[at(0)]!;
    article.targets.en!.text = article.targets.en!.text.replace("Article 64", "Article 46");
    const photo = seg[at(1)]!;
    photo.targets.vi!.text = "W-HAI_1257.jpg";
    const programme = seg[at(2)]!;
    programme.targets.vi!.text = programme.targets.vi!.text.replace(
      "1 phiên ký kết",
      "1 phiên phiên ký kết",
    );
    const found = runQa(docs).filter((f) => f.finding.severity !== "info");
    expect(found.map((f) => [f.row, f.lang, f.finding.code, f.finding.params])).toEqual([
      [at(2), "vi", "word.repeated", { word: "phiên" }],
      [at(1), "vi", "cross.span", { value: "W-HAI_1275.jpg", other: "en" }],
      [at(1), "vi", "file.extra", { text: "W-HAI_1257.jpg" }],
      [at(0), "en", "cross.number", { value: "64", other: "vi" }],
    ]);
  });

  it("runs only the chosen checks and applies the project's settings", () => {
    const docs = corpusDocuments();
    const row = docs[0]!.segments[1]!;
    row.targets.en!.text = row.targets.en!.text.replace("2,500", "2,800") + "  ";
    const first = (options: Parameters<typeof runQa>[1]) =>
      runQa([docs[0]!], options).map((f) => [f.finding.code, f.finding.severity]);
    const at = row.targets.en!.text.indexOf("2,800");
    // The cross-target finding says which column is wrong and takes the mismatch's highlight.
    expect(runQa([docs[0]!]).map((f) => [f.finding.code, f.finding.range])).toEqual([
      ["cross.number", { start: at, end: at + 5 }],
      [
        "space.trailing",
        { start: row.targets.en!.text.length - 2, end: row.targets.en!.text.length },
      ],
    ]);
    expect(runQa(docs, { checks: ["spaces"] }).map((f) => f.finding.code)).toEqual([
      "space.trailing",
    ]);
    const settings = restoreQaSettings({
      disabled: ["cross-target", "no-such-check"],
      severity: {
        "space.trailing": "error",
        "punctuation.end": "off",
        numbers: "warning",
        x: "loud",
      },
    });
    expect(settings).toEqual({
      disabled: ["cross-target"],
      severity: { "space.trailing": "error", "punctuation.end": "off", numbers: "warning" },
    });
    expect(first({ settings })).toEqual([
      ["number.mismatch", "warning"],
      ["space.trailing", "error"],
    ]);
  });

  it("keeps a dismissal while the texts stay, and drops it once the target changes", () => {
    const docs = corpusDocuments();
    const row = docs[0]!.segments[1]!;
    row.targets.en!.text += "  ";
    const [finding] = runQa(docs, { checks: ["spaces"] });
    const dismissal: QaDismissal = {
      segmentId: finding!.segmentId,
      lang: finding!.lang,
      fingerprint: finding!.fingerprint,
      reason: "the layout needs it",
      by: "lan",
      at: "2026-12-04T07:00:00.000Z",
    };
    const again = runQa(docs, { checks: ["spaces"] });
    expect(applyDismissals(again, [dismissal]).shown).toEqual([]);
    expect(liveDismissals([dismissal], again)).toEqual([dismissal]);
    row.targets.en!.text += " ";
    const changed = runQa(docs, { checks: ["spaces"] });
    expect(applyDismissals(changed, [dismissal]).shown).toHaveLength(1);
    expect(liveDismissals([dismissal], changed)).toEqual([]);
  });

  it("has an English message for every finding code", () => {
    for (const code of Object.keys(FINDING_CODES))
      expect((en.finding as Record<string, string>)[messageKey(code)], code).toBeTypeOf("string");
  });
});
