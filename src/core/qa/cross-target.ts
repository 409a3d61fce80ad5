import { codeTokens } from "../format/tmx/inline-display.ts";
import { monthNames } from "../align/months.ts";
import { foldText } from "../align/normalize-token.ts";
import type { Lang, TargetLang } from "../model/languages.ts";
import { isDone } from "../model/status.ts";
import type { Status } from "../model/status.ts";
import { matchTokenSpans } from "../text/match-tokens.ts";
import { protectedSpans } from "./protected-spans.ts";
import type { Quantity } from "./read-numbers.ts";
import { readQuantities } from "./read-numbers.ts";
import type { QaFinding, TextRange } from "./types.ts";

export interface CrossInput {
  source: string;
  sourceLang: Lang;
  targets: Partial<Record<TargetLang, { text: string; status?: Status }>>;
}

export interface LangFinding {
  lang: TargetLang;
  finding: QaFinding;
}

/**
 * Capitalized words of the source that are not its first word: the candidates for names, each
 * once, with where it first stands.
 */
function nameCandidates(source: string, lang: string): { raw: string; range: TextRange }[] {
  const tokens = matchTokenSpans(source);
  const months = monthNames(lang);
  const out = new Map<string, TextRange>();
  tokens.forEach((t, i) => {
    if (t.kind !== "w" || /\d/.test(t.raw) || t.raw.length < 3) return;
    const prev = tokens[i - 1];
    if (i === 0 || (prev && /^[.!?:;"“(]$/.test(prev.raw))) return;
    if (t.raw[0] === t.raw[0]!.toLowerCase() || months.has(foldText(t.raw))) return;
    if (!out.has(t.raw)) out.set(t.raw, { start: t.start, end: t.end });
  });
  return [...out].map(([raw, range]) => ({ raw, range }));
}

/** True when the folded name is one target word, or consecutive words joined ("Việt Nam"). */
function hasName(name: string, words: readonly string[]): boolean {
  const want = foldText(name).replace(/[-']/g, "");
  for (let i = 0; i < words.length; i++) {
    let joined = "";
    for (let j = i; j < Math.min(words.length, i + 4); j++) {
      joined += words[j];
      if (joined === want) return true;
      if (joined.length >= want.length) break;
    }
  }
  return false;
}

const wordsOf = (text: string) =>
  matchTokenSpans(text)
    .filter((t) => t.kind === "w")
    .map((t) => foldText(t.raw.replace(/['’]s$/u, "")).replace(/[-'’]/g, ""));

const shares = (a: Quantity, b: Quantity) => a.readings.some((r) => b.readings.includes(r));

/**
 * Cross-target checks over the pivot: for each number, URL, e-mail, file name, inline code and name
 * of the source that one target has and the other has not, the one without it is wrong (the
 * source and the other target agree). A target confirmed in one language while the other is still
 * empty is listed for progress (info).
 */
export function checkCrossTarget(input: CrossInput): LangFinding[] {
  const vi = input.targets.vi;
  const en = input.targets.en;
  const out: LangFinding[] = [];
  const viText = vi?.text.trim() ?? "";
  const enText = en?.text.trim() ?? "";
  if (viText === "" || enText === "") {
    const [done, empty]: [TargetLang, TargetLang] = viText === "" ? ["en", "vi"] : ["vi", "en"];
    const doneTarget = input.targets[done];
    if (
      doneTarget &&
      doneTarget.text.trim() !== "" &&
      doneTarget.status &&
      isDone(doneTarget.status)
    )
      out.push({
        lang: empty,
        finding: {
          check: "cross-target",
          code: "cross.progress",
          severity: "info",
          params: { other: done },
        },
      });
    return out;
  }
  const texts: Record<TargetLang, string> = { vi: vi!.text, en: en!.text };
  // The source's part is highlighted: the target lacks it, so it has no range of its own.
  const report = (lang: TargetLang, code: string, value: string, sourceRange: TextRange) =>
    out.push({
      lang,
      finding: {
        check: "cross-target",
        code,
        severity: code === "cross.name" ? "warning" : "error",
        params: { value, other: lang === "vi" ? "en" : "vi" },
        sourceRange,
      },
    });

  const q = {
    source: readQuantities(input.source, input.sourceLang),
    vi: readQuantities(texts.vi, "vi"),
    en: readQuantities(texts.en, "en"),
  };
  for (const s of q.source) {
    if (!s.hard) continue;
    const inVi = q.vi.some((t) => shares(s, t));
    const inEn = q.en.some((t) => shares(s, t));
    if (inVi !== inEn)
      report(inVi ? "en" : "vi", "cross.number", s.raw, { start: s.start, end: s.end });
  }
  // A code is named by its number in the editor (the source's codes come first), as the
  // inline-code check names it.
  const tokens = codeTokens(input.source, "");
  const codeLabel = (placeholder: string) => `⟦${tokens.indexOf(placeholder) + 1}⟧`;
  for (const span of protectedSpans(input.source)) {
    const inVi = texts.vi.includes(span.text);
    const inEn = texts.en.includes(span.text);
    if (inVi !== inEn)
      report(
        inVi ? "en" : "vi",
        "cross.span",
        span.kind === "code" ? codeLabel(span.text) : span.text,
        { start: span.start, end: span.end },
      );
  }
  const words = { vi: wordsOf(texts.vi), en: wordsOf(texts.en) };
  for (const { raw, range } of nameCandidates(input.source, input.sourceLang)) {
    const inVi = hasName(raw, words.vi);
    const inEn = hasName(raw, words.en);
    if (inVi !== inEn) report(inVi ? "en" : "vi", "cross.name", raw, range);
  }
  return out;
}
