import type { XmlElement } from "../xml/parse-xml.ts";
import { childElements, isElement } from "../xml/parse-xml.ts";

/** Elements whose content is native code, not text. */
const CODE_ELEMENTS = new Set(["bpt", "ept", "it", "ph", "ut"]);

function collect(element: XmlElement): string {
  let out = "";
  for (const child of element.children) {
    if (!isElement(child)) out += child;
    else if (!CODE_ELEMENTS.has(child.name)) out += collect(child);
  }
  return out;
}

/** Text of the `<seg>` of a `<tuv>` ("" when absent). All whitespace in a seg is significant. */
export function readSeg(tuv: XmlElement): string {
  const seg = childElements(tuv, "seg")[0];
  return seg ? collect(seg) : "";
}
