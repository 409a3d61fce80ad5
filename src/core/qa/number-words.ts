/**
 * Number words of Indonesian, Vietnamese and English, read as values by `readNumberPhrase`:
 * "dua puluh" = "hai mươi" = "twenty" = 20, "dua ratus lima puluh ribu" = 250000,
 * "hai mươi lăm" = 25, "twenty-five" = 25; scale words also multiply a numeral ("2,5 juta").
 * Words are compared in lower case with their diacritics (Vietnamese "năm" five is not "nam" south).
 */

/** How a word combines: a unit adds, `ten` multiplies the last unit by 10 ("puluh", "mươi"),
 * `teen` adds 10 to it ("belas"), `hundred` multiplies it by 100, `scale` closes a group
 * (thousand, million, ...), `zero` is a filler ("linh", "lẻ": 105 = "một trăm linh năm"). */
export type WordRole = "unit" | "ten" | "teen" | "hundred" | "scale" | "zero";

export interface NumberWord {
  value: number;
  role: WordRole;
  /** An ordinal word ("ketiga", "third", "thứ ba" is read from "thứ" + unit). */
  ordinal?: boolean;
  /** The word says "one" itself (Indonesian "seratus", "seribu"): a number, not "hundreds". */
  one?: boolean;
}

type Table = Record<string, NumberWord>;

const unit = (value: number, ordinal?: boolean): NumberWord =>
  ordinal ? { value, role: "unit", ordinal } : { value, role: "unit" };

const ID: Table = {
  nol: unit(0),
  satu: unit(1),
  dua: unit(2),
  tiga: unit(3),
  empat: unit(4),
  lima: unit(5),
  enam: unit(6),
  tujuh: unit(7),
  delapan: unit(8),
  sembilan: unit(9),
  sepuluh: { value: 10, role: "ten", one: true },
  sebelas: unit(11),
  seratus: { value: 100, role: "hundred", one: true },
  seribu: { value: 1e3, role: "scale", one: true },
  sejuta: { value: 1e6, role: "scale", one: true },
  puluh: { value: 10, role: "ten" },
  belas: { value: 10, role: "teen" },
  ratus: { value: 100, role: "hundred" },
  ribu: { value: 1e3, role: "scale" },
  juta: { value: 1e6, role: "scale" },
  miliar: { value: 1e9, role: "scale" },
  milyar: { value: 1e9, role: "scale" },
  triliun: { value: 1e12, role: "scale" },
  pertama: unit(1, true),
  kedua: unit(2, true),
  ketiga: unit(3, true),
  keempat: unit(4, true),
  kelima: unit(5, true),
  keenam: unit(6, true),
  ketujuh: unit(7, true),
  kedelapan: unit(8, true),
  kesembilan: unit(9, true),
  kesepuluh: unit(10, true),
};

const VI: Table = {
  không: { value: 0, role: "zero" },
  linh: { value: 0, role: "zero" },
  lẻ: { value: 0, role: "zero" },
  một: unit(1),
  mốt: unit(1),
  hai: unit(2),
  ba: unit(3),
  bốn: unit(4),
  tư: unit(4),
  năm: unit(5),
  lăm: unit(5),
  sáu: unit(6),
  bảy: unit(7),
  tám: unit(8),
  chín: unit(9),
  mười: unit(10),
  mươi: { value: 10, role: "ten" },
  trăm: { value: 100, role: "hundred" },
  nghìn: { value: 1e3, role: "scale" },
  ngàn: { value: 1e3, role: "scale" },
  triệu: { value: 1e6, role: "scale" },
  tỷ: { value: 1e9, role: "scale" },
  tỉ: { value: 1e9, role: "scale" },
  nhất: unit(1, true),
};

const EN: Table = {
  zero: unit(0),
  one: unit(1),
  two: unit(2),
  three: unit(3),
  four: unit(4),
  five: unit(5),
  six: unit(6),
  seven: unit(7),
  eight: unit(8),
  nine: unit(9),
  ten: unit(10),
  eleven: unit(11),
  twelve: unit(12),
  thirteen: unit(13),
  fourteen: unit(14),
  fifteen: unit(15),
  sixteen: unit(16),
  seventeen: unit(17),
  eighteen: unit(18),
  nineteen: unit(19),
  twenty: unit(20),
  thirty: unit(30),
  forty: unit(40),
  fifty: unit(50),
  sixty: unit(60),
  seventy: unit(70),
  eighty: unit(80),
  ninety: unit(90),
  hundred: { value: 100, role: "hundred" },
  thousand: { value: 1e3, role: "scale" },
  million: { value: 1e6, role: "scale" },
  billion: { value: 1e9, role: "scale" },
  trillion: { value: 1e12, role: "scale" },
  first: unit(1, true),
  second: unit(2, true),
  third: unit(3, true),
  fourth: unit(4, true),
  fifth: unit(5, true),
  sixth: unit(6, true),
  seventh: unit(7, true),
  eighth: unit(8, true),
  ninth: unit(9, true),
  tenth: unit(10, true),
  twentieth: unit(20, true),
  hundredth: unit(100, true),
};

const TABLES: Record<string, Table> = { id: ID, ms: ID, vi: VI, en: EN };

/** Words that join a number phrase without a value ("one hundred and five"). */
const JOINERS: Record<string, ReadonlySet<string>> = { en: new Set(["and"]) };

/** Abbreviated scale words written after a numeral ("2,5 jt", "Rp 3 M", "$5bn"). */
const SCALE_ABBREVIATIONS: Record<string, Record<string, number>> = {
  id: { rb: 1e3, jt: 1e6, m: 1e9, t: 1e12 },
  vi: { k: 1e3, tr: 1e6 },
  en: { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, tn: 1e12 },
};

function primary(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? "";
}

export function numberWord(word: string, lang: string): NumberWord | undefined {
  const table = TABLES[primary(lang)];
  return table ? table[word.toLowerCase()] : undefined;
}

export function isJoiner(word: string, lang: string): boolean {
  return JOINERS[primary(lang)]?.has(word.toLowerCase()) ?? false;
}

/** The value of an abbreviated scale written right after a numeral, if `word` is one. */
export function scaleAbbreviation(word: string, lang: string): number | undefined {
  return SCALE_ABBREVIATIONS[primary(lang)]?.[word.toLowerCase()];
}

/**
 * The value of a run of number words (and at most one leading numeral value), or null when the
 * words do not make a number in that order. `start` is the numeral's value, when the phrase starts
 * with one ("2,5" + "juta").
 */
export function readNumberPhrase(words: readonly NumberWord[], start?: number): number | null {
  let total = 0;
  let group = 0;
  let last = start ?? 0;
  let seen = start !== undefined;
  let afterScale = 0;
  let zero = false;
  for (const w of words) {
    const wasZero = zero;
    zero = false;
    switch (w.role) {
      case "zero":
        // "không trăm linh năm": no hundreds, no tens.
        zero = true;
        break;
      case "unit":
        last += w.value;
        break;
      case "ten":
        group += (last === 0 ? 1 : last) * 10;
        last = 0;
        break;
      case "teen":
        if (last === 0 || last > 9) return null;
        group += last + 10;
        last = 0;
        break;
      case "hundred":
        group += (wasZero ? 0 : last === 0 ? 1 : last) * 100;
        last = 0;
        break;
      case "scale": {
        const part = group + last;
        if (part === 0 && afterScale > 0 && w.value > afterScale) {
          // "nghìn tỷ": a scale of a scale (10^12), as Vietnamese writes a trillion.
          total = total * w.value;
        } else total += (part === 0 ? 1 : part) * w.value;
        group = 0;
        last = 0;
        afterScale = w.value;
        seen = true;
        continue;
      }
    }
    afterScale = 0;
    seen = true;
  }
  if (!seen) return null;
  return total + group + last;
}
