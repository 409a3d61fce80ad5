import { describe, expect, it } from "vitest";
import { render } from "@testing-library/react";
import { CODE_END, CODE_START } from "../../../src/core/text/inline-marks.ts";
import { compileUserPattern } from "../../../src/core/text/user-pattern.ts";
import { SourceText } from "../../../src/ui/grid/cells/source-text.tsx";
import { displayOffset, markPieces, type QaMark } from "../../../src/ui/qa/qa-highlight.tsx";

describe("QA marks", () => {
  it("cut a text where marks start and end, the worst severity winning where they overlap", () => {
    const marks: QaMark[] = [
      { start: 4, end: 11, severity: "warning", title: "Repeated word: the" },
      { start: 8, end: 15, severity: "error", title: "Number" },
    ];
    expect(
      markPieces("and the the 2,600 delegates", marks).map((p) => [p.start, p.end, p.severity]),
    ).toEqual([
      [0, 4, null],
      [4, 8, "warning"],
      [8, 11, "error"],
      [11, 15, "error"],
      [15, 27, null],
    ]);
    // A piece of a longer text: offsets relative to the piece.
    expect(markPieces("the 2,600", marks, 8).map((p) => [p.start, p.end, p.severity])).toEqual([
      [0, 3, "error"],
      [3, 7, "error"],
      [7, 9, null],
    ]);
  });

  it("map stored offsets to the field's, where codes show as ⟦n⟧", () => {
    const code = `${CODE_START}<bpt i="1">&lt;b&gt;</bpt>${CODE_END}`;
    const stored = `Lihat ${code}2.600 delegasi`;
    const at = stored.indexOf("2.600");
    // "Lihat ⟦1⟧" is 9 characters in the field.
    expect(displayOffset(stored, at, [code])).toBe(9);
    expect(displayOffset("no codes here", 3, [])).toBe(3);
  });

  it("in a source, keep the find's matches whole across a QA mark's edge", () => {
    const pattern = compileUserPattern("2.500 delegasi", false, {
      caseSensitive: false,
      wholeWord: false,
    });
    const { container } = render(
      <SourceText
        text="Lebih dari 2.500 delegasi hadir."
        pattern={pattern}
        qaMarks={[{ start: 11, end: 16, severity: "error", title: "The number 2.500 is missing" }]}
      />,
    );
    const qa = container.querySelector("mark.qa-mark")!;
    expect(qa).toHaveTextContent("2.500");
    expect(qa).toHaveAttribute("title", "The number 2.500 is missing");
    expect(qa).toHaveAttribute("data-severity", "error");
    // The find's match is drawn in two pieces (inside and after the QA mark), together the match.
    const found = [...container.querySelectorAll("mark.find-match")].map((m) => m.textContent);
    expect(found.join("")).toBe("2.500 delegasi");
    expect(container).toHaveTextContent("Lebih dari 2.500 delegasi hadir.");
  });
});
