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

/**
 * Reads an SRX 2.0 document. Strict: the root must be `<srx version="2.0">` in the SRX 2.0
 * namespace, DOCTYPE declarations are refused (so only the predefined entities exist), unknown
 * SRX elements and missing required attributes are errors. Elements of other namespaces inside
 * `<header>` (tool extensions such as Okapi's options) are ignored. Patterns are translated from
 * ICU/Java syntax (see srx-regex.ts). Errors: `AppError` with codes `srx.malformed`,
 * `srx.doctype-forbidden`, `srx.not-srx`, `srx.unsupported-version`, `srx.invalid`,
 * `srx.unknown-rule-set`, `srx.regex-unsupported`, `srx.regex-invalid`; params carry line/column.
 */
export function parseSrx(xml: string): SegmentationRules {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const here = (): Position => ({ line: parser.line, column: parser.column + 1 });
  const invalid = (reason: string, element: string): never => {
    throw new AppError("srx.invalid", { ...here(), element, reason });
  };

  let cascade = false;
  const languageRules: LanguageRuleSet[] = [];
  const maps: LanguageMap[] = [];
  const stack: string[] = [];
  const seen = new Set<string>();
  let foreignDepth = 0;
  let currentSet: { name: string; rules: RuleDraft[] } | null = null;
  let currentRule: RuleDraft | null = null;
  let text: string | null = null;

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
      cascade = yesNo("cascade");
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
      languageRules.push({ name: currentSet.name, rules: currentSet.rules.map(toRule) });
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
  const mapped = maps.map((map) => {
    if (!languageRules.some((set) => set.name === map.ruleName)) {
      throw new AppError("srx.unknown-rule-set", { name: map.ruleName });
    }
    const translated = translateSrxRegex(map.languagePattern, { name: map.ruleName });
    return { languagePattern: translated.source, ruleName: map.ruleName };
  });
  return { cascade, languageRules, maps: mapped };
}

/** Texts with letters that case-folding would change (other than through escapes like \s). */
function isCaseNeutral(pattern: string): boolean {
  return !/[A-Za-z]|\\[pP]/.test(pattern.replace(/\\[sSdDwWbBnrtfvhHRAzZ]/g, ""));
}

function toRule(draft: RuleDraft): SegmentationRule {
  const where = { line: draft.at.line, column: draft.at.column };
  const before = translateSrxRegex(draft.before ?? "", where);
  const after = translateSrxRegex(draft.after ?? "", where);
  if (before.caseInsensitive !== after.caseInsensitive) {
    const plain = before.caseInsensitive ? after.source : before.source;
    if (!isCaseNeutral(plain)) {
      throw new AppError("srx.regex-unsupported", {
        ...where,
        pattern: plain,
        feature: "(?i) on one side of a rule only",
      });
    }
  }
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
