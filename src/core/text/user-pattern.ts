import { RE2JS, type Matcher } from "re2js";
import { AppError } from "../model/app-error.ts";

/**
 * Regular expressions typed by users (the grid's filter, find and replace) run on a linear-time
 * engine (re2js, a port of RE2): no pattern can freeze the page, whatever it is and whatever the
 * text (`(\w+\s?)+$`, `(a+)+b`, `(.*a){20}` included), and a bookmarked address with one is safe
 * to reopen. The pattern is written in JavaScript syntax and translated; what RE2 cannot run in
 * linear time (lookahead, backreferences) is refused with `pattern.unsupported` (`feature`),
 * a pattern JavaScript itself rejects with `filter.badRegex`.
 *
 * Differences from JavaScript kept on purpose: none for the translated syntax (`\s` keeps
 * JavaScript's Unicode spaces, `\uXXXX`, `\u{…}` and `\p{Script=…}` are translated); lookbehind is
 * supported without capture groups inside it.
 */
export interface UserPattern {
  /** Whether the pattern occurs in `text`. */
  test(text: string): boolean;
  /** Every match, in order, as JavaScript's global `replace` finds them. */
  matches(text: string): UserMatch[];
  /** Number of the user's capture groups. */
  groupCount: number;
}

export interface UserMatch {
  index: number;
  end: number;
  /** `groups[0]` is the whole match, then the user's groups (undefined: did not take part). */
  groups: (string | undefined)[];
}

export interface UserPatternOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

const WORD_CLASS = "\\p{L}\\p{M}\\p{N}_";
/** JavaScript's `\s` (WhiteSpace and LineTerminator), which RE2 limits to ASCII. */
const JS_SPACE =
  "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";

class Unsupported extends Error {
  constructor(readonly feature: string) {
    super(feature);
  }
}

/** JavaScript pattern syntax → RE2 syntax (throws Unsupported). */
export function translateUserPattern(src: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\\") {
      const n = src[i + 1];
      if (n === undefined) return out + "\\\\"; // JavaScript rejects it; the caller checks first
      if (n === "u") {
        const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(src.slice(i + 2, i + 10));
        const four = /^[0-9a-fA-F]{4}/.exec(src.slice(i + 2, i + 6));
        if (braced) {
          out += `\\x{${braced[1]}}`;
          i += 1 + braced[0].length;
        } else if (four) {
          out += `\\x{${four[0]}}`;
          i += 5;
        } else throw new Unsupported("\\u");
        continue;
      }
      if (n === "s" || n === "S") {
        if (inClass) {
          if (n === "S") throw new Unsupported("\\S in a class");
          out += JS_SPACE;
        } else out += n === "s" ? `[${JS_SPACE}]` : `[^${JS_SPACE}]`;
        i++;
        continue;
      }
      if (/[1-9]/.test(n) && !inClass) throw new Unsupported("backreference");
      if (n === "k") throw new Unsupported("backreference");
      if (n === "c") throw new Unsupported("\\c");
      if ((n === "p" || n === "P") && src[i + 2] === "{") {
        const end = src.indexOf("}", i + 3);
        if (end > 0) {
          let name = src.slice(i + 3, end);
          const eq = name.indexOf("=");
          if (eq >= 0) name = name.slice(eq + 1);
          out += `\\${n}{${name}}`;
          i = end;
          continue;
        }
      }
      if (n === "/") {
        out += "/";
        i++;
        continue;
      }
      if (n === "0" && !/[0-9]/.test(src[i + 2] ?? "")) {
        out += "\\x{0}";
        i++;
        continue;
      }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (src[i + 1] === "^") {
        out += "^";
        i++;
      }
      if (src[i + 1] === "]") throw new Unsupported(src[i] === "^" ? "[^]" : "[]");
      continue;
    }
    if (c === "(" && src[i + 1] === "?") {
      if (src[i + 2] === "=" || src[i + 2] === "!") throw new Unsupported("lookahead");
      if (src[i + 2] === "<" && (src[i + 3] === "=" || src[i + 3] === "!")) {
        // Lookbehind: RE2JS runs it in linear time when it holds no capture group.
        out += src.slice(i, i + 4);
        i += 3;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function wrap(body: string, wholeWord: boolean): string {
  // Whole word: no word character before (lookbehind) and after — RE2 has no lookahead, so the
  // character after is consumed outside the user's match (group 1) and the search resumes at
  // its end.
  return wholeWord ? `(?<![${WORD_CLASS}])(${body})(?:$|[^${WORD_CLASS}])` : body;
}

/**
 * Compiles a user's pattern. `regex: false` finds `text` literally.
 * Throws AppError "filter.badRegex" (not a regular expression) or "pattern.unsupported".
 */
export function compileUserPattern(
  text: string,
  regex: boolean,
  options: UserPatternOptions,
): UserPattern {
  let body: string;
  if (regex) {
    try {
      new RegExp(text, "u");
    } catch {
      throw new AppError("filter.badRegex", { pattern: text });
    }
    try {
      body = translateUserPattern(text);
    } catch (error) {
      if (error instanceof Unsupported)
        throw new AppError("pattern.unsupported", { pattern: text, feature: error.feature });
      throw error;
    }
  } else {
    body = RE2JS.quote(text);
  }
  const flags = RE2JS.LOOKBEHINDS | (options.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(wrap(body, options.wholeWord), flags);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const feature = /capture in lookbehind/.test(message)
      ? "group in lookbehind"
      : (/`([^`]*)`/.exec(message)?.[1] ?? "syntax");
    throw new AppError("pattern.unsupported", { pattern: text, feature });
  }
  const shift = options.wholeWord ? 1 : 0;
  const groupCount = compiled.groupCount() - shift;

  function matches(input: string): UserMatch[] {
    const out: UserMatch[] = [];
    const m: Matcher = compiled.matcher(input);
    let from = 0;
    // Each round consumes at least one code unit, so the loop is bounded by the text's length.
    while (from <= input.length && m.find(from)) {
      const index = m.start(shift);
      const end = m.end(shift);
      const groups: (string | undefined)[] = [];
      for (let g = shift; g <= groupCount + shift; g++) {
        const value = m.group(g);
        groups.push(value ?? undefined);
      }
      out.push({ index, end, groups });
      if (end > index) from = end;
      else {
        const cp = input.codePointAt(end);
        from = end + (cp !== undefined && cp > 0xffff ? 2 : 1);
      }
    }
    return out;
  }

  return {
    groupCount,
    test: (input) => compiled.test(input),
    matches,
  };
}

/** JavaScript's `String.prototype.replace` with a global pattern and a replacer, on a UserPattern. */
export function replaceUserPattern(
  input: string,
  pattern: UserPattern,
  replacer: (match: UserMatch) => string,
): { text: string; count: number } {
  const found = pattern.matches(input);
  if (found.length === 0) return { text: input, count: 0 };
  let text = "";
  let last = 0;
  for (const match of found) {
    text += input.slice(last, match.index) + replacer(match);
    last = match.end;
  }
  return { text: text + input.slice(last), count: found.length };
}
