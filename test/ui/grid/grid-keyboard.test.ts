import { describe, expect, it } from "vitest";
import { cellCommandFor, moveFocus, type KeyLike } from "../../../src/ui/grid/grid-keyboard.ts";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("cell keymap", () => {
  it("follows CAT-tool habits", () => {
    expect(cellCommandFor(key("Enter", { ctrlKey: true }))).toBe("confirmAndNext");
    expect(cellCommandFor(key("Enter", { metaKey: true }))).toBe("confirmAndNext");
    expect(cellCommandFor(key("ArrowDown", { ctrlKey: true }))).toBe("nextRow");
    expect(cellCommandFor(key("ArrowUp", { ctrlKey: true }))).toBe("prevRow");
    expect(cellCommandFor(key("PageDown", { altKey: true }))).toBe("nextRow");
    expect(cellCommandFor(key("Tab"))).toBe("nextCell");
    expect(cellCommandFor(key("Tab", { shiftKey: true }))).toBe("prevCell");
    expect(cellCommandFor(key("i", { ctrlKey: true }))).toBe("copySource");
    expect(cellCommandFor(key("Insert", { ctrlKey: true }))).toBe("copySource");
  });

  it("alignment editor keys: Ctrl+Alt with the row command's key, Alt+Insert/Delete; never under AltGr", () => {
    const ctrlAlt = { ctrlKey: true, altKey: true };
    expect(cellCommandFor(key("ArrowUp", ctrlAlt))).toBe("moveCellUp");
    expect(cellCommandFor(key("ArrowDown", ctrlAlt))).toBe("moveCellDown");
    expect(cellCommandFor(key("J", ctrlAlt))).toBe("mergeCell");
    expect(cellCommandFor(key("e", ctrlAlt))).toBe("splitCell");
    expect(cellCommandFor(key("l", ctrlAlt))).toBe("lockCell");
    expect(cellCommandFor(key("n", ctrlAlt))).toBe("nextSuspicious");
    expect(cellCommandFor(key("Insert", { altKey: true }))).toBe("insertCell");
    expect(cellCommandFor(key("Delete", { altKey: true }))).toBe("deleteCell");
    // Ctrl+Alt+E types € on a German or Polish keyboard (AltGr): it must stay typing.
    expect(cellCommandFor(key("€", { ...ctrlAlt, altGraph: true }))).toBeNull();
    expect(cellCommandFor(key("e", { ...ctrlAlt, altGraph: true }))).toBeNull();
    // The row commands keep their keys.
    expect(cellCommandFor(key("j", { ctrlKey: true }))).toBe("mergeSource");
    expect(cellCommandFor(key("ArrowDown", { ctrlKey: true }))).toBe("nextRow");
  });

  it("leaves plain typing, Enter (new line) and arrows to the textarea", () => {
    for (const k of ["a", "Enter", "ArrowDown", "ArrowUp", "Backspace", " "]) {
      expect(cellCommandFor(key(k))).toBeNull();
    }
    expect(cellCommandFor(key("Enter", { shiftKey: true }))).toBeNull();
    expect(cellCommandFor(key("b", { ctrlKey: true }))).toBeNull();
  });

  it("Ctrl+Enter approves in reviewer mode; reject, undo/redo, comments and history keys", () => {
    expect(cellCommandFor(key("Enter", { ctrlKey: true }), "reviewer")).toBe("approveAndNext");
    expect(cellCommandFor(key("Backspace", { ctrlKey: true, shiftKey: true }), "reviewer")).toBe(
      "reject",
    );
    expect(
      cellCommandFor(key("Backspace", { ctrlKey: true, shiftKey: true }), "translator"),
    ).toBeNull();
    expect(cellCommandFor(key("ArrowDown", { ctrlKey: true, shiftKey: true }))).toBe(
      "nextAwaiting",
    );
    expect(cellCommandFor(key("z", { ctrlKey: true }))).toBe("undo");
    expect(cellCommandFor(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(cellCommandFor(key("y", { metaKey: true }))).toBe("redo");
    expect(cellCommandFor(key("C", { ctrlKey: true, shiftKey: true }))).toBe("comments");
    expect(cellCommandFor(key("H", { ctrlKey: true, shiftKey: true }))).toBe("history");
  });
});

describe("moveFocus", () => {
  it("Tab walks vi → en → next row's vi, Shift+Tab back", () => {
    expect(moveFocus({ row: 0, lang: "vi" }, "nextCell", 3)).toEqual({ row: 0, lang: "en" });
    expect(moveFocus({ row: 0, lang: "en" }, "nextCell", 3)).toEqual({ row: 1, lang: "vi" });
    expect(moveFocus({ row: 1, lang: "vi" }, "prevCell", 3)).toEqual({ row: 0, lang: "en" });
  });

  it("row moves keep the column and stop at the edges", () => {
    expect(moveFocus({ row: 1, lang: "en" }, "confirmAndNext", 3)).toEqual({ row: 2, lang: "en" });
    expect(moveFocus({ row: 2, lang: "en" }, "nextRow", 3)).toBeNull();
    expect(moveFocus({ row: 0, lang: "vi" }, "prevRow", 3)).toBeNull();
    expect(moveFocus({ row: 0, lang: "vi" }, "prevCell", 3)).toBeNull();
  });
});

describe("target columns", () => {
  it("every target language but the source's; Tab walks only those", async () => {
    const { targetLangsFor } = await import("../../../src/core/model/languages.ts");
    expect(targetLangsFor("id")).toEqual(["vi", "en"]);
    expect(targetLangsFor("vi")).toEqual(["en"]);
    expect(moveFocus({ row: 0, lang: "en" }, "nextCell", 3, ["en"])).toEqual({
      row: 1,
      lang: "en",
    });
    expect(moveFocus({ row: 1, lang: "en" }, "prevCell", 3, ["en"])).toEqual({
      row: 0,
      lang: "en",
    });
  });
});
