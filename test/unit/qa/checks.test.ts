import { describe, expect, it } from "vitest";
import { checkBrackets } from "../../../src/core/qa/checks/brackets.ts";
import { checkEndPunctuation } from "../../../src/core/qa/checks/end-punctuation.ts";
import { checkInlineCodes } from "../../../src/core/qa/checks/inline-codes.ts";
import { checkLengthRatio, typicalRatio } from "../../../src/core/qa/checks/length-ratio.ts";
import { checkNumbers } from "../../../src/core/qa/checks/numbers.ts";
import { checkRepeatedWords } from "../../../src/core/qa/checks/repeated-words.ts";
import { checkSpaces } from "../../../src/core/qa/checks/spaces.ts";
import { checkUnchangedSpans } from "../../../src/core/qa/checks/unchanged-spans.ts";
import { checkEmpty, checkUntranslated } from "../../../src/core/qa/checks/untranslated.ts";
import type { CellInput } from "../../../src/core/qa/types.ts";
import type { Status } from "../../../src/core/model/status.ts";

const vi = (source: string, target: string, status?: Status): CellInput => ({
  source,
  target,
  sourceLang: "id",
  lang: "vi",
  ...(status ? { status } : {}),
});
const en = (source: string, target: string, status?: Status): CellInput => ({
  ...vi(source, target, status),
  lang: "en",
});
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

// Sentences of corpus/id/konvensi-hanoi-*.txt with the translations of corpus/vi and corpus/en.
const DELEGATES = {
  id: "Dengan partisipasi lebih dari 2.500 delegasi dari 119 negara dan wilayah, lebih dari 100 organisasi internasional dan perusahaan teknologi terkemuka di dunia , acara ini telah menjadi tonggak bersejarah.",
  vi: "Với sự tham dự của hơn 2.500 đại biểu đến từ 119 quốc gia và vùng lãnh thổ, hơn 100 tổ chức quốc tế và các tập đoàn công nghệ hàng đầu thế giới, sự kiện đã trở thành một dấu mốc lịch sử.",
  en: "With the participation of more than 2,500 delegates from 119 countries and territories and more than 100 international organisations and leading technology companies from around the world, the event has become a historic milestone.",
};
const PROGRAMME = {
  id: "Berlangsung dari tanggal 25-26 Oktober, program tersebut meliputi upacara penandatanganan dan konferensi tingkat tinggi, yang akan memiliki 1 sesi diskusi pleno, 1 sesi penandatanganan, 4 diskusi tingkat tinggi dan 4 sesi meja bundar.",
  vi: "Diễn ra trong hai ngày 25-26/10, chương trình gồm lễ mở ký và hội nghị cấp cao, với 1 phiên thảo luận toàn thể, 1 phiên ký kết, 4 phiên thảo luận cấp cao và 4 phiên bàn tròn.",
  en: "Taking place on 25-26 October, the programme includes the signing ceremony and a high-level conference. It will have 1 plenary discussion session, 1 signing session, 4 high-level discussions and 4 round-table sessions.",
};
const ARTICLE = {
  id: "Menurut ketentuan Pasal 64 Konvensi, Konvensi Perserikatan Bangsa-Bangsa Melawan Kejahatan Dunia Maya dibuka untuk penandatanganan di Hanoi (Vietnam) pada tahun 2025 dan disebut Konvensi Hanoi.",
  vi: "Theo quy định tại Điều 64 của Công ước, Công ước Liên hợp quốc về chống tội phạm mạng được mở ký tại Hà Nội (Việt Nam) vào năm 2025 và được gọi là Công ước Hà Nội.",
  en: "Under Article 64 of the Convention, the United Nations Convention against Cybercrime is opened for signature in Hanoi (Vietnam) in 2025 and is called the Hanoi Convention.",
};

describe("numbers", () => {
  it("finds nothing in the corpus translations (same values, other notation)", () => {
    for (const s of [DELEGATES, PROGRAMME, ARTICLE]) {
      expect(checkNumbers(vi(s.id, s.vi))).toEqual([]);
      expect(checkNumbers(en(s.id, s.en))).toEqual([]);
    }
  });

  it("accepts values written another way: words, scales, times, a locale's unusual format", () => {
    expect(checkNumbers(en("dua puluh negara", "20 countries"))).toEqual([]);
    expect(checkNumbers(vi("20 negara", "hai mươi quốc gia"))).toEqual([]);
    expect(checkNumbers(en("Anggaran Rp2,5 juta.", "A budget of IDR 2,500,000."))).toEqual([]);
    expect(checkNumbers(en("Anggaran Rp2,5 juta.", "A budget of IDR 2.5 million."))).toEqual([]);
    expect(
      checkNumbers(vi("Rapat dimulai pukul 10.30 WIB.", "Cuộc họp bắt đầu lúc 10h30.")),
    ).toEqual([]);
    expect(
      checkNumbers(en("Rapat dimulai pukul 10.30 WIB.", "The meeting starts at 10:30.")),
    ).toEqual([]);
    expect(
      checkNumbers(en("Sesi ditutup pukul 14.00 WIB.", "The session closes at 2 p.m.")),
    ).toEqual([]);
    expect(checkNumbers(en("Inflasi 3,5 persen.", "Inflation is 3.5 percent."))).toEqual([]);
    // An English target that keeps the Indonesian grouping: unusual, not a different value.
    expect(checkNumbers(en("2.500 delegasi", "2.500 delegates"))).toEqual([]);
    // "kedua" (both) is not "2"; "hai" of "hai bên" may match nothing.
    expect(checkNumbers(vi("Kedua negara sepakat.", "Hai nước nhất trí."))).toEqual([]);
    expect(checkNumbers(en("Kedua negara sepakat.", "Both countries agreed."))).toEqual([]);
    expect(checkNumbers(vi("Selama tiga tahun.", "Trong ba năm."))).toEqual([]);
  });

  it("reports a different value whichever way it is written", () => {
    const target = DELEGATES.en.replace("2,500", "2,800");
    const wrong = checkNumbers(en(DELEGATES.id, target));
    const at = target.indexOf("2,800");
    expect(wrong).toEqual([
      expect.objectContaining({
        code: "number.mismatch",
        severity: "error",
        params: { source: "2.500", target: "2,800" },
        range: { start: at, end: at + 5 },
        sourceRange: {
          start: DELEGATES.id.indexOf("2.500"),
          end: DELEGATES.id.indexOf("2.500") + 5,
        },
      }),
    ]);
    expect(codes(checkNumbers(vi("dua puluh negara", "ba mươi quốc gia")))).toEqual([
      "number.mismatch",
    ]);
    expect(
      codes(checkNumbers(en("Rapat dimulai pukul 10.30 WIB.", "The meeting starts at 11:30."))),
    ).toEqual(["number.mismatch"]);
    expect(codes(checkNumbers(en("Anggaran Rp2,5 juta.", "A budget of IDR 25 million.")))).toEqual([
      "number.mismatch",
    ]);
    // 2.500 read as an English 2.5 where the source meant 2,500: the en reading of "2,5" is 25.
    expect(codes(checkNumbers(vi("Inflasi 3,5 persen.", "Lạm phát 35 phần trăm.")))).toEqual([
      "number.mismatch",
    ]);
  });

  it("reports a number left out or added", () => {
    const missing = checkNumbers(vi(ARTICLE.id, ARTICLE.vi.replace("Điều 64 của ", "")));
    expect(missing).toEqual([
      expect.objectContaining({
        code: "number.missing",
        params: { value: "64" },
        sourceRange: { start: 24, end: 26 },
      }),
    ]);
    expect(
      codes(checkNumbers(en(PROGRAMME.id, PROGRAMME.en.replace("25-26", "24-25-26")))),
    ).toEqual(["number.extra"]);
  });
});

describe("inline codes", () => {
  const B = '\uE000<bpt i="1" x="1">&lt;b&gt;</bpt>\uE001';
  const EB = '\uE000<ept i="1">&lt;/b&gt;</ept>\uE001';
  const PH = '\uE000<ph x="2">{0}</ph>\uE001';
  const src = `Presiden ${B}Luong Cuong${EB} membuka sesi ${PH}.`;
  it("passes codes that are all there, also in another word order", () => {
    expect(
      checkInlineCodes(en(src, `President ${B}Luong Cuong${EB} opens session ${PH}.`)),
    ).toEqual([]);
    expect(
      checkInlineCodes(vi(src, `${PH} Chủ tịch nước ${B}Lương Cường${EB} khai mạc phiên.`)),
    ).toEqual([]);
    // A target's own pairing numbers (i) may differ from the source's.
    const B2 = B.replace('i="1"', 'i="7"');
    const EB2 = EB.replace('i="1"', 'i="7"');
    expect(
      checkInlineCodes(en(src, `President ${B2}Luong Cuong${EB2} opens session ${PH}.`)),
    ).toEqual([]);
  });
  it("reports missing, extra and badly ordered codes with their editor numbers", () => {
    expect(checkInlineCodes(en(src, `President ${B}Luong Cuong${EB} opens the session.`))).toEqual([
      expect.objectContaining({ code: "code.missing", params: { code: "⟦3⟧" } }),
    ]);
    expect(
      codes(checkInlineCodes(en(src, `President ${B}Luong Cuong${EB} opens ${PH} session ${PH}.`))),
    ).toEqual(["code.extra"]);
    expect(
      checkInlineCodes(en(src, `President ${EB}Luong Cuong${B} opens session ${PH}.`)),
    ).toEqual([expect.objectContaining({ code: "code.order", params: { code: "⟦2⟧" } })]);
  });
});

describe("URLs, e-mails, file names", () => {
  it("passes the corpus's photo file names and kept addresses", () => {
    expect(checkUnchangedSpans(en("W-HAI_1275.jpg", "W-HAI_1275.jpg"))).toEqual([]);
    expect(
      checkUnchangedSpans(
        vi(
          "VNA Potal Presiden Negara Vietnam, menandatangani Konvensi Hanoi 836154525 8 53 41.jpg",
          "VNA Potal Chủ tịch nước Việt Nam, ký Công ước Hà Nội 836154525 8 53 41.jpg",
        ),
      ),
    ).toEqual([]);
    expect(
      checkUnchangedSpans(
        en(
          "Informasi di https://www.unodc.org/convention, atau surel info@unodc.org.",
          "Information at https://www.unodc.org/convention, or e-mail info@unodc.org.",
        ),
      ),
    ).toEqual([]);
  });
  it("reports a changed file name, URL or address", () => {
    expect(codes(checkUnchangedSpans(en("W-HAI_1275.jpg", "W-HAI_1257.jpg")))).toEqual([
      "file.missing",
      "file.extra",
    ]);
    expect(
      checkUnchangedSpans(
        en(
          "Informasi di https://www.unodc.org/convention.",
          "Information at https://www.unodc.org/conventions.",
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        code: "url.missing",
        params: { text: "https://www.unodc.org/convention" },
      }),
      expect.objectContaining({ code: "url.extra", severity: "warning" }),
    ]);
    expect(
      codes(checkUnchangedSpans(vi("Surel info@unodc.org.", "Thư điện tử: info@undoc.org."))),
    ).toEqual(["email.missing", "email.extra"]);
  });
});

describe("untranslated and empty", () => {
  it("reports a sentence copied into the target", () => {
    const s = "Presiden dan delegasi menghadiri upacara pembukaan penandatanganan konvensi.";
    expect(codes(checkUntranslated(en(s, s)))).toEqual(["untranslated"]);
  });
  it("leaves names, acronyms, numbers, codes and file names alone", () => {
    for (const s of [
      "VNA",
      "W-HAI_1275.jpg",
      "António Guterres",
      "Komentar (0)".replace("Komentar ", ""),
      "2025",
      "Luong Tam Quang",
      "COVID-19",
    ])
      expect(checkUntranslated(vi(s, s))).toEqual([]);
    expect(checkUntranslated(en("Foto: VNA", "Photo: VNA"))).toEqual([]);
  });
  it("reports a confirmed empty target only", () => {
    expect(codes(checkEmpty(vi("Foto: VNA", " ", "translated")))).toEqual(["empty.confirmed"]);
    expect(codes(checkEmpty(vi("Foto: VNA", "", "approved")))).toEqual(["empty.confirmed"]);
    expect(checkEmpty(vi("Foto: VNA", "", "empty"))).toEqual([]);
    expect(checkEmpty(vi("Foto: VNA", "", "draft"))).toEqual([]);
    expect(checkEmpty(vi("Foto: VNA", "Ảnh: VNA", "translated"))).toEqual([]);
  });
});

describe("end punctuation", () => {
  it("passes the same mark behind closing quotes and brackets", () => {
    expect(checkEndPunctuation(en(ARTICLE.id, ARTICLE.en))).toEqual([]);
    expect(checkEndPunctuation(vi("Apa kata Presiden?", "Chủ tịch nước nói gì?"))).toEqual([]);
    expect(checkEndPunctuation(en('Ia berkata, "Kami siap."', "He said: “We are ready.”"))).toEqual(
      [],
    );
    expect(checkEndPunctuation(en("Dan seterusnya...", "And so on…"))).toEqual([]);
  });
  it("reports a question turned into a statement", () => {
    expect(checkEndPunctuation(vi("Apa kata Presiden?", "Chủ tịch nước đã phát biểu."))).toEqual([
      expect.objectContaining({
        code: "punctuation.end",
        severity: "warning",
        params: { source: "?", target: "." },
      }),
    ]);
  });
  it("calls a missing full stop on a caption a note, not a warning", () => {
    const [f] = checkEndPunctuation(
      en(
        "Presiden menyambut Sekretaris Jenderal PBB. Foto: VNA",
        "The President welcomes the UN Secretary-General (photo: VNA).",
      ),
    );
    expect(f).toMatchObject({ severity: "info" });
  });
});

describe("spaces, brackets, repeated words", () => {
  it("reports spaces the source does not have", () => {
    expect(codes(checkSpaces(en("Foto: VNA", " Photo:  VNA ")))).toEqual([
      "space.leading",
      "space.trailing",
      "space.double",
    ]);
    expect(checkSpaces(en("Foto: VNA ", "Photo: VNA "))).toEqual([]);
    expect(checkSpaces(vi(DELEGATES.id, DELEGATES.vi))).toEqual([]);
  });
  it("reports brackets and quotes that do not balance as the source's do", () => {
    expect(checkBrackets(en(ARTICLE.id, ARTICLE.en))).toEqual([]);
    expect(
      codes(checkBrackets(en(ARTICLE.id, ARTICLE.en.replace("(Vietnam)", "(Vietnam")))),
    ).toEqual(["bracket.unbalanced"]);
    expect(
      codes(checkBrackets(vi('Tema "Melindungi warga negara".', "Chủ đề “Bảo vệ công dân."))),
    ).toEqual(["bracket.unbalanced"]);
    expect(checkBrackets(vi("1) sesi pleno", "1) phiên toàn thể"))).toEqual([]);
  });
  it("reports a doubled word, not a language's own doubling", () => {
    expect(checkRepeatedWords(vi(DELEGATES.id, DELEGATES.vi.replace("của", "của của")))).toEqual([
      expect.objectContaining({ code: "word.repeated", params: { word: "của" } }),
    ]);
    expect(
      codes(checkRepeatedWords(en(ARTICLE.id, ARTICLE.en.replace("the Hanoi", "the the Hanoi")))),
    ).toEqual(["word.repeated"]);
    expect(checkRepeatedWords(vi("Setiap orang, setiap rumah", "Người người, nhà nhà"))).toEqual(
      [],
    );
    expect(checkRepeatedWords(en("Ia sudah punya", "He had had it"))).toEqual([]);
    expect(checkRepeatedWords(en("1 sesi, 1 sesi", "1 1 session"))).toEqual([]);
  });
});

describe("length ratio", () => {
  const pairs = [DELEGATES, PROGRAMME, ARTICLE].map((s) => ({ source: s.id, target: s.en }));
  it("takes the document's median ratio, and needs enough pairs", () => {
    expect(typicalRatio(pairs)).toBeUndefined();
    const ratio = typicalRatio([...pairs, ...pairs]);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.3);
  });
  it("reports a target far shorter or longer than usual", () => {
    const context = { typicalRatio: 1.05 };
    expect(checkLengthRatio(en(DELEGATES.id, DELEGATES.en), context)).toEqual([]);
    expect(
      codes(checkLengthRatio(en(DELEGATES.id, "With more than 2,500 delegates."), context)),
    ).toEqual(["length.short"]);
    expect(
      codes(
        checkLengthRatio(en(ARTICLE.id, `${ARTICLE.en} ${DELEGATES.en} ${PROGRAMME.en}`), context),
      ),
    ).toEqual(["length.long"]);
    // Short sources vary too much to judge.
    expect(
      checkLengthRatio(en("Foto: VNA", "Photo by the Vietnam News Agency (VNA)"), context),
    ).toEqual([]);
  });
});
