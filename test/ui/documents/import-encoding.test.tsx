/**
 * UTF-32 files are refused by name in the app, in the UI language, with what to do (issue 14 item
 * 8: a UTF-32 TMX was "a binary file"): a memory file in the TM import dialog, a text file in the
 * document import dialog, and UTF-16 without its byte order mark there. A damaged file is refused
 * with the line and column of the damage (it had none for bad bytes).
 */
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../../../src/i18n/index.ts";
import { renderApp } from "../../helpers/render-app.tsx";

afterEach(async () => {
  await i18n.changeLanguage("en");
});

const TMX =
  '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="id" datatype="plaintext" ' +
  'segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>' +
  '<body><tu><tuv xml:lang="id"><seg>Halo</seg></tuv><tuv xml:lang="vi"><seg>Xin chào</seg>' +
  "</tuv></tu></body></tmx>\n";

/** UTF-32 LE with its byte order mark. */
function utf32(text: string): Uint8Array<ArrayBuffer> {
  const cps = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
  const out = new Uint8Array(cps.length * 4);
  cps.forEach((cp, i) => new DataView(out.buffer).setUint32(i * 4, cp, true));
  return out;
}

const TMX_MESSAGE = {
  en: "“memori.tmx” is UTF-32 LE text, which Selaras does not read. Save it as UTF-8 (or UTF-16) and try again.",
  vi: "“memori.tmx” là văn bản UTF-32 LE, Selaras không đọc được. Hãy lưu lại dạng UTF-8 (hoặc UTF-16) rồi thử lại.",
  id: "“memori.tmx” adalah teks UTF-32 LE, yang tidak dibaca Selaras. Simpan sebagai UTF-8 (atau UTF-16) lalu coba lagi.",
} as const;

describe("files in encodings Selaras does not read", () => {
  it.each(["en", "vi", "id"] as const)("a UTF-32 TMX is named as UTF-32 (%s)", async (lang) => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    await act(() => i18n.changeLanguage(lang));
    await user.click(screen.getByTestId("import-tm"));
    const dialog = await screen.findByTestId("import-tm-dialog");
    const file = new File([utf32(TMX)], "memori.tmx", { type: "application/xml" });
    await user.upload(within(dialog).getByTestId("import-tm-file"), file);
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(TMX_MESSAGE[lang]);
    expect(await db.memory.count()).toBe(0);
  });

  it("a UTF-32 or BOM-less UTF-16 text file is named as such", async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    await user.click(screen.getByTestId("add-document"));
    const dialog = await screen.findByTestId("import-dialog");
    const text = "Presiden hadir. Lalu acara dibuka.\n";
    const utf16: Uint8Array<ArrayBuffer> = new Uint8Array(Buffer.from(text, "utf16le"));
    for (const [bytes, name, message] of [
      [utf32(text), "teks32.txt", "“teks32.txt” is UTF-32 LE text, which Selaras does not read."],
      [
        utf16,
        "teks16.txt",
        "“teks16.txt” is UTF-16 LE text without a byte order mark, which Selaras does not read.",
      ],
    ] as const) {
      await user.upload(within(dialog).getByTestId("import-file"), new File([bytes], name));
      await user.click(within(dialog).getByTestId("import-submit"));
      expect(await within(dialog).findByRole("alert")).toHaveTextContent(message);
    }
    expect(await db.documents.count()).toBe(2);
  });
});

describe("a damaged memory file", () => {
  it.each([
    ["en", "line 4, column 29"],
    ["vi", "dòng 4, cột 29"],
    ["id", "baris 4, kolom 29"],
  ] as const)("is refused with the line and column of its bad byte (%s)", async (lang, where) => {
    const user = userEvent.setup();
    await renderApp();
    await screen.findAllByTestId("doc-row");
    await act(() => i18n.changeLanguage(lang));
    await user.click(screen.getByTestId("import-tm"));
    const dialog = await screen.findByTestId("import-tm-dialog");
    // Line 4 is `<tu><tuv xml:lang="id"><seg>Halo…`: its "H" (column 29) becomes the byte 0xFF.
    const text = TMX.replace("<body>", "\n<body>\n");
    const line4 = text.split("\n")[3]!;
    expect(line4.indexOf("Halo")).toBe(28);
    const bytes = new TextEncoder().encode(text);
    bytes[new TextEncoder().encode(text.slice(0, text.indexOf("Halo"))).length] = 0xff;
    const file = new File([bytes], "rusak.tmx", { type: "application/xml" });
    await user.upload(within(dialog).getByTestId("import-tm-file"), file);
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("rusak.tmx");
    expect(alert).toHaveTextContent(where);
  });
});
