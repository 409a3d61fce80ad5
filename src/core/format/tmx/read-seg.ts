import type { XmlElement } from "../xml/parse-xml.ts";
import { childElements, isElement } from "../xml/parse-xml.ts";
import {
  CODE_ELEMENTS,
  HI_CLOSE_PLACEHOLDER,
  codePlaceholder,
  hiOpenPlaceholder,
} from "./inline-codes.ts";

/** A Level-2 markup problem found in one `<seg>` (tolerated: the text is still imported). */
export interface InlineProblem {
  problem: "unpaired-ept" | "unpaired-bpt" | "duplicate-i" | "invalid-code" | "unknown-element";
  /** The `i` of the bpt/ept, or the element name. */
  detail: string;
}

export interface SegText {
  text: string;
  problems: InlineProblem[];
}

/**
 * Text of the `<seg>` of a `<tuv>` ("" when absent), with inline codes as placeholders (see
 * inline-codes.ts). All whitespace in a seg is significant. bpt/ept pairing is checked and
 * problems reported, never fatal.
 */
export function readSeg(tuv: XmlElement): SegText {
  const seg = childElements(tuv, "seg")[0];
  const problems: InlineProblem[] = [];
  if (!seg) return { text: "", problems };
  const open = new Set<string>();
  const used = new Set<string>();

  const walk = (element: XmlElement): string => {
    let out = "";
    for (const child of element.children) {
      if (!isElement(child)) {
        out += child;
        continue;
      }
      if (child.name === "hi") {
        out += hiOpenPlaceholder(child) + walk(child) + HI_CLOSE_PLACEHOLDER;
        continue;
      }
      if (!CODE_ELEMENTS.has(child.name)) {
        problems.push({ problem: "unknown-element", detail: child.name });
        out += walk(child);
        continue;
      }
      const placeholder = codePlaceholder(child);
      if (placeholder === null) {
        problems.push({ problem: "invalid-code", detail: child.name });
        continue;
      }
      const i = child.attrs["i"] ?? "";
      if (child.name === "bpt") {
        if (used.has(i)) problems.push({ problem: "duplicate-i", detail: i });
        used.add(i);
        open.add(i);
      } else if (child.name === "ept") {
        if (open.has(i)) open.delete(i);
        else problems.push({ problem: "unpaired-ept", detail: i });
      }
      out += placeholder;
    }
    return out;
  };

  const text = walk(seg);
  for (const i of open) problems.push({ problem: "unpaired-bpt", detail: i });
  return { text, problems };
}
