import { detachText } from "../xml/detach-text.ts";
import type { XmlElement } from "../xml/parse-xml.ts";
import { HI_CLOSE_PLACEHOLDER, codePlaceholder, hiOpenPlaceholder } from "./inline-codes.ts";

/** A Level-2 markup problem found in one `<seg>` (tolerated: the text is still imported). */
export interface InlineProblem {
  problem: "unpaired-ept" | "unpaired-bpt" | "duplicate-i" | "invalid-code" | "unknown-element";
  /** The `i` of the bpt/ept, or the element name. */
  detail: string;
}

/**
 * Builds the text of one `<seg>` while it streams: plain text as is (all whitespace in a seg is
 * significant), inline codes as placeholders (see inline-codes.ts), `<hi>` as an opening and a
 * closing placeholder. bpt/ept pairing is checked and problems reported, never fatal.
 */
export class SegBuilder {
  text = "";
  /** Null until the first problem (most segs have none, and this runs per <seg>). */
  problems: InlineProblem[] | null = null;
  // Created on the first bpt/ept only: most segs have no codes, and this runs per <seg>.
  private pairing: { open: Set<string>; used: Set<string> } | null = null;

  addText(text: string): void {
    this.text += text;
  }

  /** A complete bpt/ept/it/ph/ut element (with its content and `<sub>`s). */
  addCode(element: XmlElement): void {
    const placeholder = codePlaceholder(element);
    if (placeholder === null) {
      (this.problems ??= []).push({ problem: "invalid-code", detail: element.name });
      return;
    }
    const i = element.attrs["i"] ?? "";
    if (element.name === "bpt" || element.name === "ept") {
      const pairing = (this.pairing ??= { open: new Set(), used: new Set() });
      if (element.name === "bpt") {
        if (pairing.used.has(i)) (this.problems ??= []).push({ problem: "duplicate-i", detail: i });
        pairing.used.add(i);
        pairing.open.add(i);
      } else if (pairing.open.has(i)) {
        pairing.open.delete(i);
      } else {
        (this.problems ??= []).push({ problem: "unpaired-ept", detail: i });
      }
    }
    this.text += placeholder;
  }

  openHi(attrs: Record<string, string>): void {
    this.text += hiOpenPlaceholder({ name: "hi", attrs, children: [], line: 0, column: 0 });
  }

  closeHi(): void {
    this.text += HI_CLOSE_PLACEHOLDER;
  }

  /** An element TMX does not allow in a seg (e.g. raw `<b>`): its text is kept, the tag reported. */
  unknownElement(name: string): void {
    (this.problems ??= []).push({ problem: "unknown-element", detail: name });
  }

  /** Closes the seg (reports bpt without ept) and resets the builder for the next one. */
  finish(): { text: string; problems: InlineProblem[] | null } {
    for (const i of this.pairing?.open ?? []) {
      (this.problems ??= []).push({ problem: "unpaired-bpt", detail: i });
    }
    const result = { text: detachText(this.text), problems: this.problems };
    this.text = "";
    this.problems = null;
    this.pairing = null;
    return result;
  }
}
