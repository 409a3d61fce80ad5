import { SaxesParser } from "saxes";
import { AppError } from "../../model/app-error.ts";

/**
 * Thin streaming wrapper over saxes (a spec-conformant, non-validating XML 1.0 parser that never
 * fetches anything and expands only the five predefined entities and character references).
 *
 * Elements are built into small trees; `onClose` decides whether a finished element stays attached
 * to its parent. Returning `false` for the repeating records (e.g. TMX `<tu>`) keeps memory bounded
 * to one record at a time.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** 1-based position just after the start tag. */
  line: number;
  column: number;
}

export type XmlNode = XmlElement | string;

export interface XmlHandlers {
  /** Called when a start tag is complete (children still empty). `depth` 0 is the root. */
  onOpen?: (element: XmlElement, depth: number) => void;
  /** Called when an element is complete. Return false to detach it from its parent. */
  onClose?: (element: XmlElement, depth: number) => boolean | void;
  /**
   * Elements whose text children carry no meaning (indentation between child elements): their
   * text is not stored, which saves most allocations on large files.
   */
  structural?: ReadonlySet<string>;
}

export interface XmlParseOptions {
  /** Error code prefix, e.g. "tmx" gives "tmx.not-well-formed". */
  codePrefix: string;
  /** File name put in error params. */
  fileName?: string;
  /** For text input: called after each chunk (about 16k characters) with characters parsed and total. */
  onProgress?: (done: number, total: number) => void;
  /** Checked after each chunk; when aborted, parsing stops with AppError `<prefix>.cancelled`. */
  signal?: { readonly aborted: boolean };
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === "object";
}

/** Child elements with the given name (all children when name is omitted). */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (isElement(child) && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

/** Concatenated text of an element and its descendants. */
export function textContent(element: XmlElement): string {
  let out = "";
  for (const child of element.children) out += isElement(child) ? textContent(child) : child;
  return out;
}

const ENTITY_DECL_RE = /<!ENTITY\s+(%\s+)?[^\s>]+\s+(SYSTEM|PUBLIC)\b/;

/**
 * XML 1.0's doctypedecl after "<!DOCTYPE" (saxes does not check it): a name, an optional SYSTEM or
 * PUBLIC identifier with its quoted literals, an optional internal subset. Names are the BMP part
 * of NameStartChar/NameChar. A damaged one (`<!DOCTYPE tm< SYSTEM …>`, `SYS&EM`) was accepted.
 */
const NAME_START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD`;
const NAME = String.raw`[${NAME_START}][${NAME_START}\-.0-9\u00B7\u0300-\u036F\u203F\u2040]*`;
const SPACE = "[ \t\r\n]";
const SYSTEM_LITERAL = `(?:"[^"]*"|'[^']*')`;
const PUBID_LITERAL = `(?:"[-'()+,./:=?;!*#@$_% \r\na-zA-Z0-9]*"|'[-()+,./:=?;!*#@$_% \r\na-zA-Z0-9]*')`;
// The ranges are NameChar's (combining marks U+0300–U+036F and joiners among them), not
// characters joined to the one before, which is what the rule looks for.
const DOCTYPE_RE = new RegExp(
  // eslint-disable-next-line no-misleading-character-class
  `^${SPACE}+${NAME}(?:${SPACE}+(?:SYSTEM${SPACE}+${SYSTEM_LITERAL}|PUBLIC${SPACE}+${PUBID_LITERAL}${SPACE}+${SYSTEM_LITERAL}))?${SPACE}*(?:\\[[\\s\\S]*\\]${SPACE}*)?$`,
);

function checkDoctype(
  doctype: string,
  fail: (suffix: string, extra?: Record<string, string>) => never,
) {
  if (!DOCTYPE_RE.test(doctype)) fail("not-well-formed", { reason: "malformed DOCTYPE" });
  // The internal subset is inspected only to refuse what we never expand: any entity declaration.
  if (!doctype.includes("<!ENTITY")) return;
  if (ENTITY_DECL_RE.test(doctype)) fail("external-entity");
  fail("entity-declaration");
}

/** Low-level events (saxes underneath); positions are 1-based, just after the start tag. */
export interface XmlEventHandlers {
  onOpen: (name: string, attrs: Record<string, string>, line: number, column: number) => void;
  onText: (text: string) => void;
  onClose: (name: string) => void;
  /**
   * Asked after each start and end tag when given: whether the text up to the next tag matters.
   * When it does not (indentation between records), the parser still checks it but builds no
   * string for it, which saves most of the allocations on a large file.
   */
  wantsText?: () => boolean;
}

/**
 * Streams `text` (already decoded) as events. Throws AppError `<prefix>.not-well-formed`,
 * `.truncated`, `.undefined-entity`, `.entity-declaration`, `.external-entity`, `.too-deep`
 * (more than 256 nested elements), `.empty`, `.cancelled` with {line, column}.
 */
export function parseXmlEvents(
  input: string | Iterable<string>,
  handlers: XmlEventHandlers,
  options: XmlParseOptions,
): void {
  const { codePrefix } = options;
  const fileParams: Record<string, string> = options.fileName ? { file: options.fileName } : {};
  if (typeof input === "string" && input.trim() === "") {
    throw new AppError(`${codePrefix}.empty`, fileParams);
  }

  const parser = new SaxesParser({
    position: true,
    defaultXMLVersion: "1.0",
    forceXMLVersion: true,
  });
  let closing = false;

  const fail = (suffix: string, extra: Record<string, string> = {}): never => {
    throw new AppError(`${codePrefix}.${suffix}`, {
      ...fileParams,
      line: parser.line,
      // saxes counts the characters read on the line: 0 when a file ends right after a line end.
      column: Math.max(1, parser.column),
      ...extra,
    });
  };

  parser.on("error", (error) => {
    // saxes ends some reasons with a period, the messages add their own.
    const reason = error.message.replace(/^.*?\d+:\d+: /, "").replace(/\.$/, "");
    if (reason.startsWith("undefined entity")) fail("undefined-entity");
    if (closing) fail("truncated", { reason });
    fail("not-well-formed", { reason });
  });
  parser.on("doctype", (doctype) => checkDoctype(doctype, fail));
  // saxes checks text but builds no string for it while no text handler is set.
  const { wantsText } = handlers;
  let textOn = false;
  const toggleText = (want: boolean) => {
    if (want === textOn) return;
    textOn = want;
    if (want) parser.on("text", handlers.onText);
    else parser.off("text");
  };
  toggleText(wantsText?.() ?? true);
  let depth = 0;
  parser.on("opentag", (tag) => {
    // Real files nest about ten levels; a hostile one could nest until recursion blows the stack.
    if (++depth > MAX_DEPTH) fail("too-deep", { limit: String(MAX_DEPTH) });
    handlers.onOpen(tag.name, tag.attributes as Record<string, string>, parser.line, parser.column);
    if (wantsText) toggleText(wantsText());
  });
  // CDATA sections are rare: always reported (handlers ignore those they do not want).
  parser.on("cdata", handlers.onText);
  parser.on("closetag", (tag) => {
    depth--;
    handlers.onClose(tag.name);
    if (wantsText) toggleText(wantsText());
  });
  // saxes reads an entity reference up to the next ";" however far that is, so a bare "&" would
  // swallow the rest of the file and surface as "unclosed tag" at the end. Feeding chunks and
  // checking the pending reference reports it where it is, and bounds the buffer.
  const internals = parser as unknown as { entity: string };
  let previous = "";
  let current = "";
  const failBareAmpersand = () => {
    const window = previous + current;
    // CRLF inside the pending text is stored as LF, so the estimate may fall a little after the "&".
    const offset = window.lastIndexOf(
      "&",
      Math.max(0, window.length - internals.entity.length - 1),
    );
    const after = offset < 0 ? "" : window.slice(offset);
    const linesAfter = after.split("\n").length - 1;
    const lineStart = window.lastIndexOf("\n", offset - 1);
    throw new AppError(`${codePrefix}.not-well-formed`, {
      ...fileParams,
      line: parser.line - linesAfter,
      column:
        linesAfter === 0
          ? Math.max(1, parser.column - after.length + 1)
          : lineStart >= 0
            ? offset - lineStart
            : 1,
      reason: "unterminated entity reference",
    });
  };
  const chunks = typeof input === "string" ? sliceText(input, options) : input;
  let sawContent = false;
  for (const chunk of chunks) {
    previous = current;
    current = chunk;
    if (!sawContent && chunk.trim() !== "") sawContent = true;
    parser.write(chunk);
    if (internals.entity.length > MAX_ENTITY_NAME) failBareAmpersand();
    if (options.signal?.aborted) throw new AppError(`${codePrefix}.cancelled`, fileParams);
  }
  if (!sawContent) throw new AppError(`${codePrefix}.empty`, fileParams);
  if (/[\s<>&]/.test(internals.entity)) failBareAmpersand();
  closing = true;
  parser.close();
}

/** A decoded text in parser-sized chunks, reporting progress in characters. */
function* sliceText(text: string, options: XmlParseOptions): Generator<string> {
  for (let at = 0; at < text.length; at += CHUNK) {
    const end = Math.min(text.length, at + CHUNK);
    yield text.slice(at, end);
    options.onProgress?.(end, text.length);
  }
}

const CHUNK = 16 * 1024;
/** Deepest element nesting accepted (TMX and XLIFF need about ten levels). */
const MAX_DEPTH = 256;
/** Longer than any reference we accept (the five predefined ones and &#x10FFFF;). */
const MAX_ENTITY_NAME = 32;

/**
 * Parses `text` into small element trees (see XmlHandlers); errors as parseXmlEvents.
 */
export function parseXml(text: string, handlers: XmlHandlers, options: XmlParseOptions): void {
  const stack: XmlElement[] = [];
  parseXmlEvents(
    text,
    {
      onOpen: (name, attrs, line, column) => {
        const element: XmlElement = { name, attrs, children: [], line, column };
        handlers.onOpen?.(element, stack.length);
        stack.push(element);
      },
      onText: (chunk) => {
        const parent = stack[stack.length - 1];
        if (!parent || handlers.structural?.has(parent.name)) return;
        const last = parent.children.length - 1;
        const prev = parent.children[last];
        if (typeof prev === "string") parent.children[last] = prev + chunk;
        else parent.children.push(chunk);
      },
      onClose: () => {
        const element = stack.pop();
        if (!element) return;
        const keep = handlers.onClose?.(element, stack.length);
        const parent = stack[stack.length - 1];
        if (parent && keep !== false) parent.children.push(element);
      },
    },
    options,
  );
}
