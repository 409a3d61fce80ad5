import { SaxesParser, type SaxesTagNS } from "saxes";
import { AppError } from "../model/app-error.ts";
import type { LanguageMap, LanguageRuleSet, SegmentationRule, SegmentationRules } from "./rules.ts";
import { translateSrxRegex } from "./srx-regex.ts";

export const SRX_NAMESPACE = "http://www.lisa.org/srx20";

type Position = { line: number; column: number };

interface RuleDraft {
  break: boolean;
  before: string | null;
  after: string | null;
  at: Position;
}

/** A rule or language map of an SRX file left out because its pattern cannot be translated. */
export interface SrxSkippedRule {
  /** The `languagerulename` of its rule set (of the map's target for a language map). */
  ruleSet: string;
  line: number;
  column: number;
  /** The pattern as written in the file. */
  pattern: string;
  /** `srx.regex-unsupported` (with `feature`) or `srx.regex-invalid`. */
  code: string;
  feature?: string;
}

export interface SrxReadResult {
  rules: SegmentationRules;
  /** What was left out, in file order (empty: every rule was read). */
  skipped: SrxSkippedRule[];
}

/**
 * Reads an SRX 2.0 document, strictly: the first rule whose pattern cannot be translated refuses
 * the file (see readSrx for the reader that skips it and says so).
 */
export function parseSrx(xml: string): SegmentationRules {
  const { rules, skipped } = readSrx(xml);
  const first = skipped[0];
  if (first) {
    const { ruleSet, code, ...params } = first;
    void ruleSet;
    throw new AppError(code, params);
  }
  return rules;
}

/**
 * Reads an SRX 2.0 document. Strict about the document: the root must be `<srx version="2.0">` in the SRX 2.0
 * namespace, DOCTYPE declarations are refused (so only the predefined entities exist), unknown
 * SRX elements and missing required attributes are errors. Elements of other namespaces inside
 * `<header>` (tool extensions such as Okapi's options) are ignored. Patterns are translated from
 * ICU/Java syntax (see srx-regex.ts); a rule (or language map) whose pattern truly cannot be
 * translated is left out and listed in `skipped`, the rest of the file is read. A header without
 * `cascade` (OmegaT 3.6's defaultRules.srx) cascades, as OmegaT reads it. Errors: `AppError` with codes `srx.malformed`,
 * `srx.doctype-forbidden`, `srx.not-srx`, `srx.unsupported-version`, `srx.invalid`,
 * `srx.unknown-rule-set`, `srx.regex-unsupported`, `srx.regex-invalid`; params carry line/column.
 */
export function readSrx(xml: string): SrxReadResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const here = (): Position => ({ line: parser.line, column: parser.column + 1 });
  const invalid = (reason: string, element: string): never => {
    throw new AppError("srx.invalid", { ...here(), element, reason });
  };

  let cascade = false;
  const languageRules: LanguageRuleSet[] = [];
  const maps: (LanguageMap & { at: Position })[] = [];
  const stack: string[] = [];
  const seen = new Set<string>();
  let foreignDepth = 0;
  let currentSet: { name: string; rules: RuleDraft[] } | null = null;
  let currentRule: RuleDraft | null = null;
  let text: string | null = null;
  const skipped: SrxSkippedRule[] = [];

  parser.on("error", (error) => {
    throw new AppError("srx.malformed", {
      ...here(),
      reason: error.message.replace(/^(?:.*?:)?\d+:\d+: /, ""),
    });
  });
  parser.on("doctype", () => {
    throw new AppError("srx.doctype-forbidden", here());
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (foreignDepth > 0 || (tag.uri !== SRX_NAMESPACE && stack.at(-1) === "header")) {
      foreignDepth++;
      return;
    }
    const name = tag.local;
    const attr = (key: string): string | undefined => tag.attributes[key]?.value;
    const required = (key: string): string =>
      attr(key) ?? invalid(`missing attribute ${key}`, name);
    const yesNo = (key: string, fallback?: boolean): boolean => {
      const value = fallback === undefined ? required(key) : attr(key);
      if (value === undefined) return fallback!;
      if (value !== "yes" && value !== "no") invalid(`${key} must be yes or no`, name);
      return value === "yes";
    };
    const parent = stack.at(-1);
    if (stack.length === 0) {
      if (tag.uri !== SRX_NAMESPACE || name !== "srx") {
        throw new AppError("srx.not-srx", { ...here(), root: tag.name, namespace: tag.uri });
      }
      const version = required("version");
      if (version !== "2.0") throw new AppError("srx.unsupported-version", { ...here(), version });
    } else if (tag.uri !== SRX_NAMESPACE) {
      invalid("element from another namespace", tag.name);
    } else if (name === "header" && parent === "srx") {
      // segmentsubflows is required by the schema but OmegaT's own files omit it; it has no effect here.
      yesNo("segmentsubflows", true);
      // Required by the schema; OmegaT 3.6 writes <header></header> and cascades (OmegaT's default).
      cascade = yesNo("cascade", true);
    } else if (name === "formathandle" && parent === "header") {
      yesNo("include");
      required("type");
    } else if (name === "body" && parent === "srx") {
      // container
    } else if ((name === "languagerules" || name === "maprules") && parent === "body") {
      // containers
    } else if (name === "languagerule" && parent === "languagerules") {
      currentSet = { name: required("languagerulename"), rules: [] };
    } else if (name === "rule" && parent === "languagerule") {
      currentRule = { break: yesNo("break", true), before: null, after: null, at: here() };
    } else if ((name === "beforebreak" || name === "afterbreak") && parent === "rule") {
      text = "";
    } else if (name === "languagemap" && parent === "maprules") {
      maps.push({
        languagePattern: required("languagepattern"),
        ruleName: required("languagerulename"),
        at: here(),
      });
    } else {
      invalid(`unexpected element inside ${parent ?? "document"}`, name);
    }
    stack.push(name);
    seen.add(name);
  });
  const addText = (chunk: string) => {
    if (foreignDepth > 0) return;
    if (text !== null) text += chunk;
    else if (chunk.trim() !== "") invalid("unexpected text", stack.at(-1) ?? "document");
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    if (foreignDepth > 0) {
      foreignDepth--;
      return;
    }
    const name = stack.pop();
    if (name === "beforebreak" && currentRule) currentRule.before = text;
    if (name === "afterbreak" && currentRule) currentRule.after = text;
    if (name === "beforebreak" || name === "afterbreak") text = null;
    if (name === "rule" && currentRule && currentSet) {
      currentSet.rules.push(currentRule);
      currentRule = null;
    }
    if (name === "languagerule" && currentSet) {
      const set = currentSet;
      const rules: SegmentationRule[] = [];
      for (const draft of set.rules) {
        const rule = toRule(draft, set.name, skipped);
        if (rule) rules.push(rule);
      }
      languageRules.push({ name: set.name, rules });
      currentSet = null;
    }
  });

  parser.write(xml).close();
  if (stack.length > 0) {
    throw new AppError("srx.malformed", { ...here(), reason: "unexpected end" });
  }
  for (const element of ["header", "body", "languagerules", "maprules"]) {
    if (!seen.has(element)) invalid(`missing element ${element}`, element);
  }
  const mapped: LanguageMap[] = [];
  for (const map of maps) {
    if (!languageRules.some((set) => set.name === map.ruleName)) {
      throw new AppError("srx.unknown-rule-set", { name: map.ruleName });
    }
    const translated = attempt(
      () => translateSrxRegex(map.languagePattern, { name: map.ruleName }),
      map.ruleName,
      map.at,
      map.languagePattern,
      skipped,
    );
    if (translated) mapped.push({ languagePattern: translated.source, ruleName: map.ruleName });
  }
  return { rules: { cascade, languageRules, maps: mapped }, skipped };
}

/** `translate()`, or null with the pattern listed in `skipped` when it cannot be translated. */
function attempt<T>(
  translate: () => T,
  ruleSet: string,
  at: Position,
  pattern: string,
  skipped: SrxSkippedRule[],
): T | null {
  try {
    return translate();
  } catch (error) {
    if (
      !(error instanceof AppError) ||
      (error.code !== "srx.regex-unsupported" && error.code !== "srx.regex-invalid")
    )
      throw error;
    const feature = error.params["feature"];
    skipped.push({
      ruleSet,
      line: at.line,
      column: at.column,
      pattern: typeof error.params["pattern"] === "string" ? error.params["pattern"] : pattern,
      code: error.code,
      ...(typeof feature === "string" ? { feature } : {}),
    });
    return null;
  }
}

/** Texts with letters that case-folding would change (other than through escapes like \s). */
function isCaseNeutral(pattern: string): boolean {
  return !/[A-Za-z]|\\[pP]/.test(pattern.replace(/\\[sSdDwWbBnrtfvhHRAzZ]/g, ""));
}

/** The rule of a draft, or null (listed in `skipped`) when a pattern cannot be translated. */
function toRule(
  draft: RuleDraft,
  ruleSet: string,
  skipped: SrxSkippedRule[],
): SegmentationRule | null {
  const where = { line: draft.at.line, column: draft.at.column };
  const sides = attempt(
    () => {
      let before = translateSrxRegex(draft.before ?? "", where);
      let after = translateSrxRegex(draft.after ?? "", where);
      // A leading (?i) on one side only: that side spelled out in both cases, unless the other
      // side has no letters (then the rule-level flag changes nothing there).
      if (before.caseInsensitive && !after.caseInsensitive && !isCaseNeutral(after.source))
        before = translateSrxRegex(draft.before ?? "", where, { scoped: true });
      if (after.caseInsensitive && !before.caseInsensitive && !isCaseNeutral(before.source))
        after = translateSrxRegex(draft.after ?? "", where, { scoped: true });
      return { before, after };
    },
    ruleSet,
    draft.at,
    `${draft.before ?? ""} / ${draft.after ?? ""}`,
    skipped,
  );
  if (!sides) return null;
  const { before, after } = sides;
  const rule: SegmentationRule = {
    break: draft.break,
    beforeBreak: before.source,
    afterBreak: after.source,
  };
  if (before.caseInsensitive || after.caseInsensitive) rule.caseInsensitive = true;
  return rule;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

/** Characters XML 1.0 cannot carry are written as regex escapes, which match the same text. */
function xmlSafePattern(pattern: string): string {
  return pattern.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function pattern(source: string, caseInsensitive: boolean): string {
  return escapeText(xmlSafePattern(caseInsensitive && source !== "" ? `(?i)${source}` : source));
}

/**
 * Writes rules as an SRX 2.0 document (valid against srx20.xsd). Patterns are written in the
 * JavaScript dialect they are stored in, which `parseSrx` reads back unchanged; a case-insensitive
 * rule gets a leading `(?i)` on both sides.
 */
export function writeSrx(rules: SegmentationRules): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<srx xmlns="${SRX_NAMESPACE}" version="2.0">`,
    `  <header segmentsubflows="yes" cascade="${rules.cascade ? "yes" : "no"}">`,
    '    <formathandle type="start" include="no"/>',
    '    <formathandle type="end" include="yes"/>',
    '    <formathandle type="isolated" include="yes"/>',
    "  </header>",
    "  <body>",
    "    <languagerules>",
  ];
  for (const set of rules.languageRules) {
    lines.push(`      <languagerule languagerulename="${escapeAttribute(set.name)}">`);
    for (const rule of set.rules) {
      const ci = rule.caseInsensitive === true;
      lines.push(
        `        <rule break="${rule.break ? "yes" : "no"}">`,
        `          <beforebreak>${pattern(rule.beforeBreak, ci)}</beforebreak>`,
        `          <afterbreak>${pattern(rule.afterBreak, ci)}</afterbreak>`,
        "        </rule>",
      );
    }
    lines.push("      </languagerule>");
  }
  lines.push("    </languagerules>", "    <maprules>");
  for (const map of rules.maps) {
    lines.push(
      `      <languagemap languagepattern="${escapeAttribute(xmlSafePattern(map.languagePattern))}" languagerulename="${escapeAttribute(map.ruleName)}"/>`,
    );
  }
  lines.push("    </maprules>", "  </body>", "</srx>", "");
  return lines.join("\n");
}
