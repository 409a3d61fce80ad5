import { AppError } from "../model/app-error.ts";

/**
 * Translates a regular expression from an SRX file (ICU or Java syntax, as written for OmegaT,
 * Okapi and LanguageTool) into the JavaScript dialect of `SegmentationRule` (`u` flag).
 *
 * Handled: `\Q...\E`, `\p{IsL}`/`\p{javaLowerCase}`/POSIX `\p{Alpha}` and ICU `[:Lu:]` classes,
 * `\x{...}`, octal `\0nn`, `\A \z \Z \h \H \v \V \R \e \a`, a Unicode-aware `\b`/`\B`, nested
 * (union) classes, literal `{ } ]` and identity escapes that the `u` flag rejects, a leading
 * `(?i)`. Approximated: possessive quantifiers and atomic groups become greedy ones (same
 * matches in segmentation rules, which never rely on their backtracking). Refused with
 * `srx.regex-unsupported` (`feature` param): class intersection `&&`, negated nested classes,
 * inline flags other than a leading `(?i)`, Unicode blocks, `\G \X \N{} \Z`-like features JS lacks.
 * Anything that still does not compile gives `srx.regex-invalid`.
 */
export interface TranslatedRegex {
  source: string;
  caseInsensitive: boolean;
}

const WORD = "[\\p{L}\\p{M}\\p{N}_]";
const WORD_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const NOT_WORD_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;
const HORIZONTAL = " \\t\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000";
const VERTICAL = "\\n\\u000B\\f\\r\\u0085\\u2028\\u2029";
/** JS `u`-mode syntax characters: the only ones that may be escaped outside a class. */
const SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));

/** POSIX classes of java.util.regex (US-ASCII only, as in Java without UNICODE_CHARACTER_CLASS). */
const POSIX: Record<string, string> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\u0000-\\u007F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\u0000-\\u001F\\u007F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\u000B\\f\\r",
};

/** Java and ICU property names that JS spells differently. */
const PROPERTY_ALIASES: Record<string, string> = {
  javaLowerCase: "Lowercase",
  javaUpperCase: "Uppercase",
  javaWhitespace: "White_Space",
  javaLetter: "L",
  javaDigit: "Nd",
  javaAlphabetic: "Alphabetic",
  javaTitleCase: "Lt",
  Alphabetic: "Alphabetic",
  Letter: "L",
  Uppercase: "Uppercase",
  Lowercase: "Lowercase",
  WhiteSpace: "White_Space",
  White_Space: "White_Space",
  Punctuation: "P",
  Digit: "Nd",
  Ideographic: "Ideographic",
};

class Unsupported extends Error {
  constructor(readonly feature: string) {
    super(feature);
  }
}

/** `\p{...}` body → a JS class item (without brackets), or a whole-class body for POSIX names. */
function property(name: string, negated: boolean): { item: string; isSet: boolean } {
  let n = name.trim();
  const eq = n.indexOf("=");
  if (eq >= 0) {
    const key = n.slice(0, eq).toLowerCase();
    const value = n.slice(eq + 1);
    if (key === "gc" || key === "general_category") n = value;
    else if (key === "sc" || key === "script" || key === "scx" || key === "script_extensions") {
      return {
        item: `\\${negated ? "P" : "p"}{${key.startsWith("scx") || key === "script_extensions" ? "Script_Extensions" : "Script"}=${value}}`,
        isSet: false,
      };
    } else if (key === "blk" || key === "block") throw new Unsupported("unicode-block");
    else throw new Unsupported(`property ${name}`);
  }
  if (Object.hasOwn(POSIX, n)) {
    if (negated) return { item: `^${POSIX[n]!}`, isSet: true };
    return { item: POSIX[n]!, isSet: true };
  }
  if (n === "javaLetterOrDigit") {
    if (negated) throw new Unsupported("negated javaLetterOrDigit");
    return { item: "\\p{L}\\p{Nd}", isSet: true };
  }
  if (n.startsWith("In")) throw new Unsupported("unicode-block");
  if (n.startsWith("Is") && n.length > 2) {
    const rest = n.slice(2);
    n = PROPERTY_ALIASES[rest] ?? (/^[A-Z][a-z]?$/.test(rest) ? rest : `Script=${rest}`);
  } else {
    n = PROPERTY_ALIASES[n] ?? n;
  }
  return { item: `\\${negated ? "P" : "p"}{${n}}`, isSet: false };
}

function escapeLiteral(char: string, inClass: boolean): string {
  if (inClass) return char === "-" || SYNTAX.has(char) ? `\\${char}` : char;
  return SYNTAX.has(char) ? `\\${char}` : char;
}

function hex(code: number): string {
  return `\\u{${code.toString(16).toUpperCase()}}`;
}

/** Index after a quantifier `{n}`, `{n,}`, `{n,m}` starting at `i`, or -1. */
function quantifierEnd(src: string, i: number): number {
  const m = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i, i + 24));
  return m ? i + m[0].length : -1;
}

function translate(src: string): TranslatedRegex {
  let out = "";
  let i = 0;
  let caseInsensitive = false;
  let classDepth = 0;
  let afterQuantifiable = false;

  const lead = /^\(\?([a-zA-Z]+)\)/.exec(src);
  if (lead) {
    for (const flag of lead[1]!) {
      if (flag === "i") caseInsensitive = true;
      else if (flag !== "u" && flag !== "U") throw new Unsupported(`inline flag ${flag}`);
    }
    i = lead[0].length;
  }

  while (i < src.length) {
    const c = src[i]!;
    const inClass = classDepth > 0;
    if (c === "\\") {
      const next = src[i + 1];
      if (next === undefined) throw new Unsupported("trailing backslash");
      if (next === "Q") {
        const end = src.indexOf("\\E", i + 2);
        const text = src.slice(i + 2, end < 0 ? src.length : end);
        for (const ch of text) out += escapeLiteral(ch, inClass);
        i = end < 0 ? src.length : end + 2;
        afterQuantifiable = text.length > 0;
        continue;
      }
      if (next === "p" || next === "P") {
        let name: string;
        let end: number;
        if (src[i + 2] === "{") {
          end = src.indexOf("}", i + 3);
          if (end < 0) throw new Unsupported("unterminated \\p{");
          name = src.slice(i + 3, end);
          end += 1;
        } else {
          name = src[i + 2] ?? "";
          end = i + 3;
        }
        const { item, isSet } = property(name, next === "P");
        out +=
          isSet && !inClass
            ? `[${item}]`
            : isSet && item.startsWith("^")
              ? unsupportedNegatedSet()
              : item;
        i = end;
        afterQuantifiable = true;
        continue;
      }
      if (next === "x" && src[i + 2] === "{") {
        const end = src.indexOf("}", i + 3);
        if (end < 0) throw new Unsupported("unterminated \\x{");
        out += hex(parseInt(src.slice(i + 3, end), 16));
        i = end + 1;
        afterQuantifiable = true;
        continue;
      }
      if (next === "0") {
        const m = /^[0-7]{1,3}/.exec(src.slice(i + 2, i + 5));
        const digits = m ? m[0] : "";
        out += hex(digits === "" ? 0 : parseInt(digits, 8));
        i += 2 + digits.length;
        afterQuantifiable = true;
        continue;
      }
      i += 2;
      afterQuantifiable = true;
      switch (next) {
        case "A":
          out += "^";
          afterQuantifiable = false;
          continue;
        case "z":
          out += "$";
          afterQuantifiable = false;
          continue;
        case "Z":
          out += "(?=[\\n\\r\\u0085\\u2028\\u2029]?$)";
          afterQuantifiable = false;
          continue;
        case "b":
          out += inClass ? "\\u{8}" : WORD_BOUNDARY;
          afterQuantifiable = inClass;
          continue;
        case "B":
          if (inClass) throw new Unsupported("\\B in a class");
          out += NOT_WORD_BOUNDARY;
          afterQuantifiable = false;
          continue;
        case "h":
          out += inClass ? HORIZONTAL : `[${HORIZONTAL}]`;
          continue;
        case "H":
          if (inClass) throw new Unsupported("\\H in a class");
          out += `[^${HORIZONTAL}]`;
          continue;
        case "v":
          out += inClass ? VERTICAL : `[${VERTICAL}]`;
          continue;
        case "V":
          if (inClass) throw new Unsupported("\\V in a class");
          out += `[^${VERTICAL}]`;
          continue;
        case "R":
          if (inClass) throw new Unsupported("\\R in a class");
          out += `(?:\\r\\n|[${VERTICAL}])`;
          continue;
        case "e":
          out += "\\u{1B}";
          continue;
        case "a":
          out += "\\u{7}";
          continue;
        case "G":
        case "X":
        case "N":
        case "E":
          throw new Unsupported(`\\${next}`);
        default:
          break;
      }
      if (/[dDwWsStnrfcuk1-9]/.test(next)) {
        out += `\\${next}`;
        continue;
      }
      if (next === "x") {
        out += "\\x";
        continue;
      }
      if (/[A-Za-z]/.test(next)) throw new Unsupported(`\\${next}`);
      // An escaped punctuation or other character: keep it literal.
      out += escapeLiteral(next, inClass);
      continue;
    }
    if (inClass) {
      if (c === "[" && src[i + 1] === ":") {
        const end = src.indexOf(":]", i + 2);
        if (end < 0) throw new Unsupported("unterminated [:");
        let name = src.slice(i + 2, end);
        const negated = name.startsWith("^");
        if (negated) name = name.slice(1);
        const { item, isSet } = property(name, negated);
        if (isSet && item.startsWith("^")) unsupportedNegatedSet();
        out += item;
        i = end + 2;
        continue;
      }
      if (c === "[") {
        if (src[i + 1] === "^") throw new Unsupported("negated nested class");
        classDepth++;
        i++;
        continue;
      }
      if (c === "&" && src[i + 1] === "&") throw new Unsupported("class intersection &&");
      if (c === "]") {
        classDepth--;
        if (classDepth === 0) {
          out += "]";
          afterQuantifiable = true;
        }
        i++;
        continue;
      }
      out += c === "/" ? "\\/" : c;
      i++;
      continue;
    }
    // Outside a class.
    if (c === "[") {
      classDepth = 1;
      out += "[";
      i++;
      if (src[i] === "^") {
        out += "^";
        i++;
      }
      if (src[i] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(") {
      if (src.startsWith("(?>", i)) {
        out += "(?:";
        i += 3;
      } else if (/^\(\?[a-zA-Z-]+[):]/.test(src.slice(i, i + 12))) {
        throw new Unsupported("inline flags");
      } else if (src.startsWith("(?#", i)) {
        throw new Unsupported("comment group");
      } else {
        out += "(";
        i++;
      }
      afterQuantifiable = false;
      continue;
    }
    if (c === "*" || c === "+" || c === "?") {
      out += c;
      i++;
      if (src[i] === "?") {
        out += "?";
        i++;
      } else if (src[i] === "+") {
        i++; // possessive → greedy
      }
      afterQuantifiable = false;
      continue;
    }
    if (c === "{") {
      const end = afterQuantifiable ? quantifierEnd(src, i) : -1;
      if (end < 0) {
        out += "\\{";
        i++;
        afterQuantifiable = true;
        continue;
      }
      out += src.slice(i, end);
      i = end;
      if (src[i] === "?") {
        out += "?";
        i++;
      } else if (src[i] === "+") {
        i++;
      }
      afterQuantifiable = false;
      continue;
    }
    if (c === "}" || c === "]") {
      out += `\\${c}`;
      i++;
      afterQuantifiable = true;
      continue;
    }
    out += c;
    afterQuantifiable = c !== "|" && c !== "^";
    i++;
  }
  if (classDepth > 0) throw new Unsupported("unterminated class");
  return { source: out, caseInsensitive };
}

function unsupportedNegatedSet(): never {
  throw new Unsupported("negated POSIX class inside a class");
}

/**
 * Translates `pattern`; `where` (line/column of the SRX element) goes into error params.
 * Throws `AppError("srx.regex-unsupported" | "srx.regex-invalid", { pattern, feature?, ...where })`.
 */
export function translateSrxRegex(
  pattern: string,
  where: Record<string, string | number> = {},
): TranslatedRegex {
  let result: TranslatedRegex;
  try {
    result = translate(pattern);
  } catch (error) {
    if (error instanceof Unsupported) {
      throw new AppError("srx.regex-unsupported", { ...where, pattern, feature: error.feature });
    }
    throw error;
  }
  try {
    new RegExp(result.source, result.caseInsensitive ? "iu" : "u");
  } catch {
    throw new AppError("srx.regex-invalid", { ...where, pattern });
  }
  return result;
}
