import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type {
  AlignTranslationResult,
  SourceSentence,
} from "../../../src/core/align/align-translation.ts";
import type { AlignLink } from "../../../src/core/align/types.ts";
import { joinTexts } from "../../../src/core/align-edit/column.ts";
import { cellsFromAlignment } from "../../../src/core/align-edit/from-alignment.ts";
import { AppError } from "../../../src/core/model/app-error.ts";
import type { TargetLang } from "../../../src/core/model/languages.ts";
import { NO_CUSTOM_SEGMENTATION } from "../../../src/core/segment/custom-rules.ts";
import { segmentText } from "../../../src/core/segment/segment.ts";
import { i18n } from "../../../src/i18n/index.ts";
import { AlignDialog, type AlignDialogProps } from "../../../src/ui/grid/align-dialog.tsx";
import { exampleTranslation } from "../../../src/ui/grid/align-example.ts";
import type { AlignRunner } from "../../../src/ui/workers/align-async.ts";

const SOURCE: SourceSentence[] = [
  { text: "Presiden membuka acara.", paragraph: 0 },
  { text: "Acara berlangsung dua hari.", paragraph: 0 },
  { text: "Sumber: https://contoh.id/a.html", paragraph: 1 },
];
const PASTED =
  "Chủ tịch nước khai mạc sự kiện. Sự kiện kéo dài hai ngày.\nNguồn: https://contoh.id/a.html";
const PASTED_SENTENCES = [
  "Chủ tịch nước khai mạc sự kiện.",
  "Sự kiện kéo dài hai ngày.",
  "Nguồn: https://contoh.id/a.html",
];

function setup(props: Partial<AlignDialogProps> = {}) {
  const onApply = vi.fn<AlignDialogProps["onApply"]>(() => Promise.resolve());
  const onClose = vi.fn();
  const all: AlignDialogProps = {
    onClose,
    sourceSentences: SOURCE,
    targetLangs: ["vi", "en"],
    hasExisting: () => false,
    customSegmentation: NO_CUSTOM_SEGMENTATION,
    onApply,
    ...props,
  };
  const view = render(<AlignDialog {...all} />);
  return {
    user: userEvent.setup(),
    onApply,
    onClose,
    dialog: screen.getByTestId("align-dialog"),
    ...view,
  };
}

/** A stand-in aligner the test drives: it reports progress and finishes only when told. */
function controlledRunner() {
  const state: {
    onProgress?: (fraction: number) => void;
    resolve?: (result: AlignTranslationResult) => void;
    reject?: (error: unknown) => void;
    cancelled: boolean;
  } = { cancelled: false };
  const runner: AlignRunner = (_request, onProgress) => {
    state.onProgress = onProgress;
    const promise = new Promise<AlignTranslationResult>((resolve, reject) => {
      state.resolve = resolve;
      state.reject = reject;
    });
    return {
      promise,
      cancel: () => {
        state.cancelled = true;
        state.reject?.(new AppError("align.aborted"));
      },
    };
  };
  return { runner, state };
}

const ctx = (lang: TargetLang) => {
  let n = 0;
  return { docId: "d", lang, user: "ed", at: "2026-01-01T00:00:00Z", newId: () => `c${n++}` };
};

describe("align dialog", () => {
  it("aligns pasted text (no-Worker fallback) and hands onApply a plan cellsFromAlignment takes", async () => {
    const { user, onApply, onClose, dialog } = setup({ initialLang: "en" });
    expect(within(dialog).getByTestId("align-lang-en")).toBeChecked();
    expect(within(dialog).getByText(/pairs them with the 3 source sentences/)).toBeInTheDocument();
    const text = within(dialog).getByTestId("align-text");
    expect(text).toHaveFocus();
    await user.click(within(dialog).getByTestId("align-lang-vi"));
    await user.click(text);
    await user.paste(PASTED);
    await user.click(within(dialog).getByTestId("align-submit"));

    await waitFor(() => expect(onApply).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    const [lang, result] = onApply.mock.calls[0]!;
    expect(lang).toBe("vi");
    expect(result.targetSentences).toEqual(PASTED_SENTENCES);
    expect(result.targetParagraphs).toEqual([0, 0, 1]);
    expect(result.plan.links.map((l) => [l.source, l.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
    for (const link of result.plan.links) {
      expect(link.confidence).toBeGreaterThanOrEqual(0);
      expect(link.confidence).toBeLessThanOrEqual(1);
    }
    const cells = cellsFromAlignment(result.plan, result.targetSentences, SOURCE.length, ctx("vi"));
    expect(cells.map((c) => c.text)).toEqual(PASTED_SENTENCES);
    expect(joinTexts(cells.map((c) => c.text))).toBe(joinTexts(PASTED_SENTENCES));
    expect(cells.every((c) => c.origin === "alignment" && c.status === "draft")).toBe(true);
  });

  it("shows progress while aligning; Cancel returns to the form with nothing changed", async () => {
    const { runner, state } = controlledRunner();
    const { user, onApply, onClose, dialog } = setup({ align: runner });
    await user.click(within(dialog).getByTestId("align-text"));
    await user.paste(PASTED);
    await user.click(within(dialog).getByTestId("align-submit"));

    const bar = within(dialog).getByRole("progressbar", { name: "Alignment progress" });
    expect(bar).toHaveAttribute("value", "0");
    act(() => state.onProgress?.(0.42));
    expect(bar).toHaveAttribute("value", "42");
    expect(within(dialog).getByText("42 %")).toBeInTheDocument();
    expect(within(dialog).getByTestId("align-text")).toBeDisabled();
    expect(within(dialog).queryByTestId("align-submit")).not.toBeInTheDocument();
    expect(within(dialog).getByTestId("align-cancel-run")).toHaveFocus();

    await user.click(within(dialog).getByTestId("align-cancel-run"));
    expect(state.cancelled).toBe(true);
    expect(within(dialog).queryByRole("progressbar")).not.toBeInTheDocument();
    expect(within(dialog).getByTestId("align-cancelled")).toHaveTextContent(
      "Alignment cancelled; nothing was changed.",
    );
    expect(within(dialog).getByTestId("align-text")).toHaveValue(PASTED);
    expect(within(dialog).getByTestId("align-text")).toBeEnabled();
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();
    expect(onApply).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("Escape cancels a running alignment, and closes the dialog from the form", async () => {
    const { runner, state } = controlledRunner();
    const { user, onApply, onClose, dialog } = setup({ align: runner });
    await user.click(within(dialog).getByTestId("align-text"));
    await user.paste(PASTED);
    await user.click(within(dialog).getByTestId("align-submit"));
    expect(within(dialog).getByRole("progressbar")).toBeInTheDocument();

    // The native <dialog> turns Escape into a "cancel" event (jsdom does not, so it is fired here).
    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    expect(state.cancelled).toBe(true);
    expect(within(dialog).queryByRole("progressbar")).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();

    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onApply).not.toHaveBeenCalled();
  });

  it("Enter in the text area adds a line and does not start the alignment", async () => {
    const align = vi.fn<AlignRunner>();
    const { user, dialog } = setup({ align });
    const text = within(dialog).getByTestId("align-text");
    await user.click(text);
    await user.type(text, "Satu.{Enter}Dua.{Enter}");
    expect(text).toHaveValue("Satu.\nDua.\n");
    expect(align).not.toHaveBeenCalled();
    expect(within(dialog).queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("refuses an empty text and shows the aligner's and onApply's errors in the form", async () => {
    const { runner, state } = controlledRunner();
    const onApply = vi.fn(() => Promise.reject(new AppError("align-edit.stale-patch")));
    const { user, onClose, dialog } = setup({ align: runner, onApply });
    await user.click(within(dialog).getByTestId("align-submit"));
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "Paste the translation or load a .txt file first",
    );
    expect(within(dialog).queryByRole("progressbar")).not.toBeInTheDocument();

    await user.click(within(dialog).getByTestId("align-text"));
    await user.paste(PASTED);
    await user.click(within(dialog).getByTestId("align-submit"));
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();
    act(() => state.reject?.(new AppError("align.failed", { detail: "out of memory" })));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "The alignment stopped with an unexpected error (out of memory); nothing was changed.",
    );

    await user.click(within(dialog).getByTestId("align-submit"));
    act(() =>
      state.resolve?.({
        plan: { links: [], sourceCount: 0, targetCount: 0 },
        targetSentences: [],
        targetParagraphs: [],
      }),
    );
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "The column changed meanwhile; nothing was changed.",
    );
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByTestId("align-submit")).toBeEnabled();
  });

  it("survives a runner that reports progress before it returns, and reports a crash as align.failed", async () => {
    const align: AlignRunner = (_request, onProgress) => {
      onProgress(0.1);
      return { promise: Promise.reject(new Error("worker crashed")), cancel: () => undefined };
    };
    const { user, onApply, dialog } = setup({ align });
    await user.click(within(dialog).getByTestId("align-text"));
    await user.paste(PASTED);
    await user.click(within(dialog).getByTestId("align-submit"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "The alignment stopped with an unexpected error (Error: worker crashed); nothing was changed.",
    );
    expect(within(dialog).getByTestId("align-submit")).toBeEnabled();
    expect(onApply).not.toHaveBeenCalled();
  });

  it("loads a UTF-16 .txt file, and refuses a file in another encoding with a localized error", async () => {
    const { user, dialog } = setup();
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[..."Một. Hai."].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    await user.upload(within(dialog).getByTestId("align-file"), new File([utf16], "dich.txt"));
    await waitFor(() => expect(within(dialog).getByTestId("align-text")).toHaveValue("Một. Hai."));
    expect(within(dialog).getByTestId("align-file-loaded")).toHaveTextContent(
      "Loaded from “dich.txt”.",
    );

    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2e]); // "Café." in windows-1252
    await user.upload(within(dialog).getByTestId("align-file"), new File([latin1], "lama.txt"));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("“lama.txt” is not UTF-8 or UTF-16 text.");
    expect(within(alert).getByText(/lama\.txt/)).toHaveAttribute("data-error-code", "txt.encoding");
    // The text that was there stays; nothing of the bad file is taken.
    expect(within(dialog).getByTestId("align-text")).toHaveValue("Một. Hai.");
    expect(within(dialog).queryByTestId("align-file-loaded")).not.toBeInTheDocument();

    await act(() => i18n.changeLanguage("vi"));
    try {
      expect(within(dialog).getByRole("alert")).toHaveTextContent("“lama.txt”");
      expect(within(dialog).getByRole("alert")).not.toHaveTextContent("is not UTF-8");
      expect(within(dialog).getByRole("button", { name: "Căn chỉnh" })).toBeInTheDocument();
    } finally {
      await act(() => i18n.changeLanguage("en"));
    }
  });

  it("offers the shipped example translation per language and warns before replacing a column", async () => {
    const corpusPath = "id/konvensi-hanoi-upacara-penandatanganan.txt";
    const { user, dialog } = setup({
      exampleText: (lang) => (lang === "vi" ? exampleTranslation(corpusPath, lang) : undefined),
      hasExisting: (lang) => lang === "en",
    });
    expect(within(dialog).queryByTestId("align-replace-warning")).not.toBeInTheDocument();
    await user.click(within(dialog).getByTestId("align-example"));
    const shipped = readFileSync(
      join(process.cwd(), "corpus", "vi", "konvensi-hanoi-upacara-penandatanganan.txt"),
      "utf8",
    );
    expect(within(dialog).getByTestId("align-text")).toHaveValue(shipped);

    await user.click(within(dialog).getByTestId("align-lang-en"));
    expect(within(dialog).queryByTestId("align-example")).not.toBeInTheDocument();
    expect(within(dialog).getByTestId("align-replace-warning")).toHaveTextContent(
      "The English column already has text. Aligning replaces the whole column",
    );
  });

  it("aligns the shipped example of a corpus article to its gold alignment", async () => {
    const name = "konvensi-hanoi-menteri-luong-tam-quang";
    const source = segmentText(
      readFileSync(join(process.cwd(), "corpus", "id", `${name}.txt`), "utf8"),
      "id",
    ).flatMap((p) => p.sentences.map((text) => ({ text, paragraph: p.paragraph })));
    const { user, onApply, dialog } = setup({
      sourceSentences: source,
      initialLang: "en",
      exampleText: (lang) => exampleTranslation(`id/${name}.txt`, lang),
    });
    await user.click(within(dialog).getByTestId("align-example"));
    await user.click(within(dialog).getByTestId("align-submit"));
    await waitFor(() => expect(onApply).toHaveBeenCalledTimes(1));
    const [, result] = onApply.mock.calls[0]!;
    const gold = JSON.parse(
      readFileSync(
        join(process.cwd(), "test", "fixtures", "align", `${name}.en.gold.json`),
        "utf8",
      ),
    ) as { links: AlignLink[] };
    expect(result.plan.links.map((l) => [l.source, l.target])).toEqual(
      gold.links.map((l) => [l.source, l.target]),
    );
    const cells = cellsFromAlignment(result.plan, result.targetSentences, source.length, ctx("en"));
    expect(joinTexts(cells.map((c) => c.text))).toBe(joinTexts(result.targetSentences));
  });
});

describe("align error messages", () => {
  it("align-errors.json only adds codes errors.json does not have (nothing is shadowed)", () => {
    for (const lng of ["en", "vi", "id"]) {
      const base = JSON.parse(
        readFileSync(join(process.cwd(), "src", "i18n", "locales", lng, "errors.json"), "utf8"),
      ) as Record<string, string>;
      const added = JSON.parse(
        readFileSync(
          join(process.cwd(), "src", "i18n", "locales", lng, "align-errors.json"),
          "utf8",
        ),
      ) as Record<string, string>;
      expect(
        Object.keys(added).filter((k) => k in base),
        lng,
      ).toEqual([]);
    }
  });
});
