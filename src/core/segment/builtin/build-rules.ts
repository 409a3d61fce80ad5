import { withFollower, withTrigger } from "../engine.ts";
import type { SegmentationRule } from "../rules.ts";
import {
  alternation,
  BREAK_TRIGGERS,
  CLOSERS,
  LINE_BREAK,
  OPENERS,
  SENTENCE_START,
  STARTER,
  TERMINAL,
  TOKEN_START,
  WORD_END,
} from "./patterns.ts";

/** What a language contributes to the generic rule template. */
export interface LanguageSpec {
  /** Titles and prefixes (with their final period) that never end a sentence: "Dr.", "Jl.". */
  prefixes: readonly string[];
  /** Abbreviations that are not a sentence end before a number: "No.", "hlm.". */
  numeric: readonly string[];
  /**
   * Abbreviations written after a name or list ("dkk.", "S.H.", "Tbk."): a break before a
   * sentence start as after any word, but none before "(" ("Santoso dkk. (2020)", "Tbk. (BBCA)")
   * or before another of them ("S.H. M.H.").
   */
  closing: readonly string[];
  /**
   * Capitalised words that continue a sentence after a `closing` abbreviation instead of starting
   * one: "5 p.m. Tuesday", "10 a.m. EST".
   */
  closingContinuations: readonly string[];
  /**
   * Abbreviations that may end a sentence or precede a name ("U.S.", "S.H."): a break only before
   * a capitalised clause starter.
   */
  ambiguous: readonly string[];
  /** Capitalised words that typically start a clause (pronouns, conjunctions, determiners...). */
  clauseStarters: readonly string[];
  /**
   * Patterns (JavaScript regex, whole words) of capitalised words that start a clause by their
   * form, such as Indonesian nominalisations ("Pertemuan", "Kegiatan") and passive verbs
   * ("Ditemukan"): used, like `clauseStarters`, after initials and ambiguous abbreviations.
   */
  clauseStarterPatterns: readonly string[];
  /** Caption labels: "Tabel 2." at the start of a sentence is not a sentence of its own. */
  labels: readonly string[];
  /** Speech verbs after a capitalised speaker: `"Sudah?" Ibu bertanya.` is one sentence. */
  speechVerbs: readonly string[];
  /** Words after which initials are a whole name: "berinisial R.A. | Pemeriksaan ...". */
  initialsIntroducers: readonly string[];
  /**
   * Credit and source labels, written before a colon ("Foto:", "Editor:"): after a stop they start
   * a segment, even after an initial or an abbreviation ("Penulis: Andi S. | Editor: Rina W.").
   */
  creditLabels: readonly string[];
  /**
   * Nouns after which a capital letter is a designation, not an initial ("Grup C.", "Vitamin D.",
   * "Hepatitis B."): a break after it as after any word. Matched capitalised or not.
   */
  letterDesignators: readonly string[];
  /** Titles written in lower case even at the start of a sentence: "… menurun. | dr. Reisa …". */
  lowerCaseTitles: readonly string[];
}

/**
 * The abbreviations of a list and, for those written in lower case (of three characters or more,
 * so not "v." or "p."), their capitalised form at the start of a sentence: "approx." → "Approx.".
 */
function withCapitalised(words: readonly string[]): string[] {
  const capitalised = words
    .filter((w) => w.length >= 3 && /^\p{Ll}/u.test(w))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return [...words, ...capitalised];
}

/**
 * A break after a plain word, announced by what follows it: `afterBreak` is white space then
 * `next`, and the engine finds the candidates by scanning for one white-space character before
 * `next` (linear on a run of spaces) in texts that contain `needs` (see withFollower).
 */
const followedBreak = (beforeBreak: string, next: string, needs: string): SegmentationRule =>
  withFollower({ break: true, beforeBreak, afterBreak: `\\s+${next}` }, `\\s(?=${next})`, needs);

const rule = (isBreak: boolean, beforeBreak: string, afterBreak: string): SegmentationRule => {
  const made = { break: isBreak, beforeBreak, afterBreak };
  return isBreak ? withTrigger(made, BREAK_TRIGGERS) : made;
};

/**
 * The ordered rules of one language. Exceptions come before the general breaks, as SRX requires:
 * the first rule matching at a position decides.
 */
export function buildLanguageRules(spec: LanguageSpec): SegmentationRule[] {
  const rules: SegmentationRule[] = [];
  const prefixes = withCapitalised(spec.prefixes);
  const numeric = withCapitalised(spec.numeric);
  const starters = [
    ...(spec.clauseStarters.length > 0 ? [alternation(spec.clauseStarters)] : []),
    ...spec.clauseStarterPatterns,
  ];
  const starterAhead =
    starters.length > 0 ? `\\s+${OPENERS}(?:${starters.join("|")})${WORD_END}` : null;

  // A line break inside a paragraph is always a break.
  rules.push(rule(true, LINE_BREAK, ""));
  // Inside URLs and e-mail addresses: no break before a glued continuation.
  rules.push(
    rule(
      false,
      "(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\\.|[\\p{L}\\p{N}._%+-]{1,64}@)[^\\s]{0,256}",
      "[^\\s]",
    ),
  );
  // A credit label after a stop starts a segment: "Penulis: Andi S. | Editor: Rina W.".
  if (spec.creditLabels.length > 0) {
    rules.push(rule(true, `${TERMINAL}${CLOSERS}`, `\\s+${alternation(spec.creditLabels)}\\s?:`));
    // ... also after a caption without final punctuation: "… Jakarta Timur | Foto: ANTARA/…",
    // "… Minggu (3/3/2024) | Foto: …" (capitalised labels only: "foto:" inside a sentence stays).
    // No stop announces that break: the label itself does (see withFollower).
    const capitalised = spec.creditLabels.filter((l) => /^\p{Lu}/u.test(l));
    const label = `${alternation(capitalised)}\\s?:\\s*\\S`;
    rules.push(followedBreak("[\\p{L}\\p{N})\\]]", label, ":"));
  }
  // An all-caps headline on the line of its story's dateline: "BANJIR RENDAM TIGA KECAMATAN |
  // Sidrap (ANTARA) - Banjir …".
  {
    // The agency in brackets: an acronym or up to three capitalised words ("(Kabar Timur)").
    const agency = `(?:\\p{Lu}{2,12}|\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+){0,2})(?:\\.com)?`;
    const dateline = `\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+){0,2}\\s\\(${agency}\\)\\s?[-–—]\\s`;
    const headline = "(?<=(?:^|\\s)\\p{Lu}{2,}(?:[,:;]?\\s+\\p{Lu}{2,}){2,})";
    rules.push(followedBreak(headline, dateline, "("));
  }
  // Ambiguous abbreviations: break before a clause starter, otherwise not.
  if (spec.ambiguous.length > 0) {
    const before = `${TOKEN_START}${alternation(spec.ambiguous)}${CLOSERS}`;
    if (starterAhead) rules.push(rule(true, before, starterAhead));
    rules.push(rule(false, before, ""));
  }
  if (spec.closing.length > 0) {
    const closing = alternation(spec.closing);
    const continuation =
      spec.closingContinuations.length > 0
        ? `|\\s+${alternation(spec.closingContinuations)}${WORD_END}`
        : "";
    rules.push(rule(false, `${TOKEN_START}${closing}`, `\\s*(?:[(\\[]|${closing})${continuation}`));
    rules.push(rule(true, `${TOKEN_START}${closing}${CLOSERS}`, `\\s+${OPENERS}${STARTER}`));
  }
  // A title never ends a sentence, also in brackets: "Jenderal TNI (Purn.) Moeldoko".
  if (prefixes.length > 0) {
    rules.push(rule(false, `${TOKEN_START}${alternation(prefixes)}\\)?`, ""));
  }
  if (numeric.length > 0) {
    // Before a number, Arabic or Roman: "hlm. 5", "Lamp. II", "Bab. IV".
    rules.push(
      rule(
        false,
        `${TOKEN_START}${alternation(numeric)}`,
        "\\s*[(\\[+]?(?:\\p{N}|[IVXLCDM]{1,7}(?![\\p{L}\\p{N}]))",
      ),
    );
  }
  // List and outline markers where a sentence starts: "1.", "a.", "IV.", "2.1." (but a number
  // right after an abbreviation is its argument: "Jan. 15.", "No. 5."). After a colon or a
  // semicolon only short ones ("Syarat: 1. Sehat"): a longer number there ends the sentence
  // ("QS. Al-Baqarah: 183. | Puasa").
  const abbreviations = [...prefixes, ...numeric];
  const notAfterAbbreviation =
    abbreviations.length > 0 ? `(?<!${TOKEN_START}${alternation(abbreviations)}\\s+)` : "";
  rules.push(
    rule(
      false,
      `(?:${SENTENCE_START}${notAfterAbbreviation}${OPENERS}(?:\\d{1,3}(?:\\.\\d{1,3})*|\\p{L}|[IVXLCDM]{1,7})|[:;]\\s+${OPENERS}(?:\\d{1,2}|\\p{L}|[IVXLCDM]{1,7}))\\.`,
      "\\s",
    ),
  );
  // Caption labels where a sentence starts: "Tabel 2. Karakteristik responden".
  if (spec.labels.length > 0) {
    rules.push(
      rule(
        false,
        `${SENTENCE_START}${OPENERS}${alternation(spec.labels)}\\s+(?:\\d+(?:[.-]\\d+)*|[IVXLCDM]+|\\p{Lu})\\.`,
        "\\s",
      ),
    );
  }
  // Initials that are a whole name ("tersangka berinisial R.A. | Pemeriksaan ...").
  if (spec.initialsIntroducers.length > 0) {
    rules.push(
      rule(
        true,
        `${TOKEN_START}${alternation(spec.initialsIntroducers)}\\s+(?:\\p{Lu}\\.){1,4}${CLOSERS}`,
        `\\s+["“‘']?[\\p{Lu}\\p{Lt}]`,
      ),
    );
  }
  // A letter that designates a group, a type or a vitamin ends a sentence like any word: "Indonesia
  // masuk Grup C. | Lawan pertamanya Jepang."
  if (spec.letterDesignators.length > 0) {
    const designators = spec.letterDesignators.flatMap((w) => [
      w,
      w.charAt(0).toUpperCase() + w.slice(1),
      w.charAt(0).toLowerCase() + w.slice(1),
    ]);
    rules.push(
      rule(
        true,
        `${TOKEN_START}${alternation(designators)}\\s+\\p{Lu}\\.${CLOSERS}`,
        `\\s+${OPENERS}${STARTER}`,
      ),
    );
  }
  // Initials in names ("B.J. Habibie", "Susilo B. Yudhoyono"): a break only before a clause starter.
  // A capital after a number is a unit, not an initial ("67 W. | Harganya").
  const initial = `(?:^|(?<!\\p{N})\\s|[(\\["“'‘.])\\p{Lu}\\.${CLOSERS}`;
  if (starterAhead) rules.push(rule(true, initial, starterAhead));
  rules.push(rule(false, initial, "\\s"));
  // A quotation ending in ?/!/… followed by a capitalised speaker (up to five words, with titles:
  // "Dr. Andi", "Kapolda Irjen Karyoto") and a speech verb.
  if (spec.speechVerbs.length > 0) {
    rules.push(
      rule(
        false,
        `(?:[?!…]|\\.\\.\\.)+["”’»]`,
        // ... unless the verb opens a quotation of its own: "“…?” | Saksi menjawab, “Kenal…”".
        `(?:\\s+\\p{Lu}[\\p{L}\\p{M}.]*){1,5}\\s+${alternation(spec.speechVerbs)}${WORD_END}(?!\\s*[,:]\\s*["“‘«])`,
      ),
    );
  }
  // An emoticon after a stop stays with its sentence; the next one starts after it: "… parah. :( |
  // Next time …", "… ketidaknyamanannya. :) | Boleh …".
  rules.push(
    withTrigger(
      {
        break: true,
        beforeBreak: `${TERMINAL}${CLOSERS}\\s+(?::-?[()]|;-?\\)|:'\\()`,
        afterBreak: `\\s+${OPENERS}${STARTER}`,
      },
      ")(",
    ),
  );
  // A heading label and its number before the first numbered item on its line: "Pasal 7 |
  // (1) Permohonan …".
  if (spec.labels.length > 0) {
    const heading = `${SENTENCE_START}${alternation(spec.labels)}\\s+\\d+[A-Z]?`;
    rules.push(followedBreak(heading, "\\(\\d{1,2}\\)\\s+\\p{Lu}", ") "));
  }
  // Scraping artefacts: a bracket or stop glued to the next sentence, "Komentar (0)Presiden".
  rules.push(rule(true, "[)\\]]", "\\p{Lu}\\p{Ll}"));
  // A stop after a closing bracket or quote glued to the next sentence: "(Lestari, 2020).Perbedaan",
  // "“tidak dapat diterima”.Biaya".
  rules.push(rule(true, `[)\\]"”’»]${TERMINAL}+${CLOSERS}`, "\\p{Lu}\\p{Ll}{2,}"));
  // The word follows a space or a character after which a break may fall (not "/" or "(": code
  // like "src/app.Component"), so that a sentence cut off from glued text segments the same on
  // its own ("dkk.Presiden.Tabel 2.").
  const glueStart = `(?:^|(?<=[\\s.!?…‼⁇⁈⁉。！？"'”’»)\\]]))`;
  rules.push(rule(true, `${glueStart}\\p{Ll}{2,}${TERMINAL}+${CLOSERS}`, "\\p{Lu}\\p{Ll}"));
  // ... also after a capitalised word, an acronym or a number, but only before a clause starter
  // ("Doha.Sementara itu", "WIB.Sementara", "2024.Kemudian"), so that dotted names stay whole
  // ("Jkt.Pst", "Pid.Sus", "System.Collections.Generic").
  if (starters.length > 0) {
    rules.push(
      rule(
        true,
        `(?:${glueStart}(?:\\p{Lu}\\p{Ll}{2,}|\\p{Lu}{2,})|\\p{N}{2})${TERMINAL}+${CLOSERS}`,
        `${OPENERS}(?:${starters.join("|")})${WORD_END}`,
      ),
    );
  }
  // ... and after a number that is a word of its own, before any capitalised word: a sentence
  // glued to the one that ended on a year, an amount or a time ("pada 2024.Panitia",
  // "pukul 10.30.Peserta"); a number inside a name ("report2024.Docx") or a list marker at the
  // start ("1.Pendahuluan") stays whole.
  // The number may carry a percent sign, an upper-case unit or a time zone, be a version or a
  // minute of stoppage time: "92,5%.Sebanyak", "pukul 10.30 WIB.Petugas", "v3.1.4.Pengguna",
  // "menit 90+3.Hasil".
  rules.push(
    rule(
      true,
      `(?<=[\\s"'”’»)\\]])v?\\p{N}+(?:[.,:+]\\p{N}+)*(?:%|‰|\\s\\p{Lu}{2,4})?${TERMINAL}+${CLOSERS}`,
      `${OPENERS}\\p{Lu}\\p{Ll}{2,}`,
    ),
  );
  // A credit or advertorial tag in brackets after the last sentence of a paragraph is a segment
  // of its own ("… bantuan. (ant/rs)", "… gerai. (adv)", "(*)"); upper-case tags ("(ANT)") already
  // start one by the general rule below.
  rules.push(rule(true, `${TERMINAL}${CLOSERS}`, `\\s+\\((?:\\p{Ll}|\\*)[^()]{0,29}\\)\\s*$`));
  // The general rule: a stop, optional closing quotes/brackets, space, then a sentence start: a
  // capital, a digit, a lower-case list marker ("a.", "b)"), a bullet, a name written with a
  // lower-case prefix ("iPhone", "e-KTP"), or a lower-case title before a name ("dr. Reisa").
  const lowerCaseTitle =
    spec.lowerCaseTitles.length > 0 ? `|${alternation(spec.lowerCaseTitles)}\\s+\\p{Lu}` : "";
  rules.push(
    rule(
      true,
      `${TERMINAL}${CLOSERS}`,
      `\\s+${OPENERS}(?:${STARTER}|\\p{Ll}[.)]\\s|[•▪◦‣]|\\p{Ll}{1,2}-?\\p{Lu}|\\.\\p{L}|\\x60${lowerCaseTitle})`,
    ),
  );
  return rules;
}
