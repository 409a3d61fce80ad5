import { AppError } from "../model/app-error.ts";

/**
 * Translates a regular expression from an SRX file (ICU or Java syntax, as written for OmegaT,
 * Okapi and LanguageTool) into the JavaScript dialect of `SegmentationRule` (`u` flag).
 *
 * Handled: `\Q...\E`, `\p{IsL}`/`\p{javaLowerCase}`/POSIX `\p{Alpha}` and ICU `[:Lu:]` classes,
 * `\x{...}`, octal `\0nn`, `\A \z \Z \h \H \v \V \R \e \a`, a Unicode-aware `\b`/`\B`, nested
 * (union) classes, literal `{ } ]` and identity escapes that the `u` flag rejects. Inline flags:
 * a leading `(?i)`/`(?iu)` makes the pattern case-insensitive (`caseInsensitive`); flags anywhere
 * else (`\b(?i)dr\.`, `((?i)jan|feb)`, `(?i:...)`, `(?-i)`, `(?s)`) apply to the rest of their
 * group as in Java, translated by spelling out the cases of each letter in their scope (`[dD]`,
 * Unicode case mapping as OmegaT's UNICODE_CASE) and `.` as `[\s\S]` under `s`; JavaScript (Node
 * 20) has no inline modifiers. Approximated: possessive quantifiers and atomic groups become greedy
 * ones (same matches in segmentation rules, which never rely on their backtracking); under an
 * inline `(?i)`, `\p{..}` classes and `\uXXXX` escapes keep their case. Refused with
 * `srx.regex-unsupported` (`feature` param): class intersection `&&`, negated nested classes,
 * the inline flags `x`, `m`, `d`, `c`, Unicode blocks, `\G \X \N{} \Z`-like features JS lacks.
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

/** Thrown by the rule-level pass when a flag group needs the scoped (spelled-out) translation. */
class NeedsScopedFlags extends Error {}

/** The case forms of one character (itself first), by Unicode simple case mapping. */
function caseForms(ch: string): string[] {
  const forms = new Set([ch]);
  for (const f of [ch.toLowerCase(), ch.toUpperCase(), ch.toUpperCase().toLowerCase()]) {
    if (f.length === 1) forms.add(f);
  }
  return [...forms];
}

/** Class items adding the case forms of `from-to` that the range lacks (ranges up to 0x3000). */
function rangeCaseForms(from: number, to: number): string {
  if (to < from || to - from > 0x3000) return "";
  const extra: number[] = [];
  for (let c = from; c <= to; c++) {
    for (const f of caseForms(String.fromCharCode(c))) {
      const code = f.charCodeAt(0);
      if (code < from || code > to) extra.push(code);
    }
  }
  const sorted = [...new Set(extra)].sort((a, b) => a - b);
  let out = "";
  for (let k = 0; k < sorted.length;) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    out += end > k ? `${hex(sorted[k]!)}-${hex(sorted[end]!)}` : hex(sorted[k]!);
    k = end + 1;
  }
  return out;
}

const FLAG_GROUP = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([):])/;

interface Flags {
  ci: boolean;
  dotAll: boolean;
}

/** Applies `(?on-off)` to `flags`; the flags JS cannot follow are refused. */
function applyFlags(flags: Flags, on: string, off: string): Flags {
  const next = { ...flags };
  for (const [letters, value] of [
    [on, true],
    [off, false],
  ] as const) {
    for (const flag of letters) {
      if (flag === "i") next.ci = value;
      else if (flag === "s") next.dotAll = value;
      else if (flag !== "u" && flag !== "U") throw new Unsupported(`inline flag ${flag}`);
    }
  }
  return next;
}

/**
 * `scoped`: inline flags are followed where they stand, letters spelled out in both cases;
 * otherwise only a leading `(?i)` is allowed (the rule-level flag) and any other flag group
 * throws NeedsScopedFlags.
 */
function translate(src: string, scoped: boolean): TranslatedRegex {
  let out = "";
  let i = 0;
  let caseInsensitive = false;
  let classDepth = 0;
  let afterQuantifiable = false;
  let flags: Flags = { ci: false, dotAll: false };
  const groups: Flags[] = [];

  const lead = scoped ? null : /^\(\?([a-zA-Z]+)\)/.exec(src);
  if (lead) {
    for (const flag of lead[1]!) {
      if (flag === "i") caseInsensitive = true;
      else if (flag !== "u" && flag !== "U") throw new NeedsScopedFlags();
    }
    i = lead[0].length;
  }
  /** A literal character outside a class (its case forms under (?i)); `quoted`: from \\Q..\\E. */
  const literal = (ch: string, quoted = false): string => {
    const forms = flags.ci ? caseForms(ch) : [ch];
    if (forms.length > 1) return `[${forms.join("")}]`;
    return quoted ? escapeLiteral(ch, false) : ch;
  };
  /** A literal character inside a class (its case forms under (?i)). */
  const classLiteral = (ch: string, quoted = false): string =>
    flags.ci || quoted
      ? (flags.ci ? caseForms(ch) : [ch]).map((f) => escapeLiteral(f, true)).join("")
      : ch === "/"
        ? "\\/"
        : ch;

  while (i < src.length) {
    const c = src[i]!;
    const inClass = classDepth > 0;
    if (c === "\\") {
      const next = src[i + 1];
      if (next === undefined) throw new Unsupported("trailing backslash");
      if (next === "Q") {
        const end = src.indexOf("\\E", i + 2);
        const text = src.slice(i + 2, end < 0 ? src.length : end);
        for (const ch of text) out += inClass ? classLiteral(ch, true) : literal(ch, true);
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
      // Escapes whose tail is copied as it is (never case-expanded): \xhh, \uhhhh, \cX, \k<name>.
      const tail =
        next === "x"
          ? /^[0-9a-fA-F]{0,2}/.exec(src.slice(i + 2))
          : next === "u"
            ? /^[0-9a-fA-F]{0,4}/.exec(src.slice(i + 2))
            : next === "c"
              ? /^[A-Za-z]?/.exec(src.slice(i + 2))
              : next === "k"
                ? /^(?:<[^>]*>)?/.exec(src.slice(i + 2))
                : null;
      if (tail) {
        out += `\\${next}${tail[0]}`;
        i += 2 + tail[0].length;
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
      if (/[dDwWsStnrf1-9]/.test(next)) {
        out += `\\${next}`;
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
      const to = src[i + 2];
      if (flags.ci && src[i + 1] === "-" && to !== undefined && !"]\\[".includes(to)) {
        // A range under (?i): the range and the case forms it lacks.
        out += `${escapeLiteral(c, true)}-${escapeLiteral(to, true)}`;
        out += rangeCaseForms(c.charCodeAt(0), to.charCodeAt(0));
        i += 3;
        continue;
      }
      out += c === "-" ? "-" : classLiteral(c);
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
      const flagGroup = FLAG_GROUP.exec(src.slice(i, i + 24));
      if (flagGroup && (flagGroup[1] !== "" || (flagGroup[2] ?? "") !== "")) {
        if (!scoped) throw new NeedsScopedFlags();
        const changed = applyFlags(flags, flagGroup[1]!, flagGroup[2] ?? "");
        i += flagGroup[0].length;
        if (flagGroup[3] === ":") {
          // (?i:...): a group of its own, the flags inside it only.
          groups.push(flags);
          out += "(?:";
        }
        // (?i): the rest of the enclosing group.
        flags = changed;
        afterQuantifiable = false;
        continue;
      }
      groups.push(flags);
      if (src.startsWith("(?>", i)) {
        out += "(?:";
        i += 3;
      } else if (src.startsWith("(?#", i)) {
        throw new Unsupported("comment group");
      } else {
        // (, (?:, (?=, (?!, (?<=, (?<!, (?<name>: the opening copied as it is.
        const opening = /^\((?:\?(?:[:=!]|<[=!]|<[A-Za-z][A-Za-z0-9]*>))?/.exec(src.slice(i))!;
        out += opening[0];
        i += opening[0].length;
      }
      afterQuantifiable = false;
      continue;
    }
    if (c === ")") {
      flags = groups.pop() ?? flags;
      out += ")";
      i++;
      afterQuantifiable = true;
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
    if (c === "." && flags.dotAll) {
      out += "[\\s\\S]";
      i++;
      afterQuantifiable = true;
      continue;
    }
    if (c === "|" || c === "^" || c === "$" || c === ".") {
      out += c;
      afterQuantifiable = c === ".";
      i++;
      continue;
    }
    out += literal(c);
    afterQuantifiable = true;
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
 * `scoped`: follow every inline flag where it stands (letters spelled out in both cases), never
 * a rule-level `caseInsensitive` (for one side of a rule whose other side is case-sensitive).
 * Throws `AppError("srx.regex-unsupported" | "srx.regex-invalid", { pattern, feature?, ...where })`.
 */
export function translateSrxRegex(
  pattern: string,
  where: Record<string, string | number> = {},
  options: { scoped?: boolean } = {},
): TranslatedRegex {
  let result: TranslatedRegex;
  try {
    try {
      result = translate(pattern, options.scoped === true);
    } catch (error) {
      if (!(error instanceof NeedsScopedFlags)) throw error;
      result = translate(pattern, true);
    }
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
