/**
 * Indonesian base forms of a word, for glossary recognition. Not one stem but every base form the
 * affix rules allow (a dictionary-free stemmer cannot know whether `-an` in `tandatangan` is a
 * suffix), so a term is found when it is one of them:
 *
 * - reduplication: `rumah-rumah`, `rumah-rumahnya`, `berlari-lari`, `surat-menyurat` → the base;
 * - particles `-lah -kah -tah -pun`, then possessives `-nya -ku -mu`, then `-kan -an -i`;
 * - up to two prefixes: `di- ke- se- ter- ber-/be-/bel- per-/pe-/pel-` and the nasal `meN-`/`peN-`
 *   with their sound changes: `meny`+vowel → s (`menyapu` → sapu), `men`+vowel → t or n
 *   (`menandatangani` → tandatangan), `mem`+vowel → p (`memukul` → pukul), `meng`+vowel → k or
 *   the vowel (`mengirim` → kirim, `mengambil` → ambil), `men`+c/d/j/z, `mem`+b/f/v,
 *   `meng`+g/h/kh keep the root, `me`+l/r/w/y/m/n (`melihat` → lihat), `menge-` (`mengebom`);
 * - confixes Indonesian never forms are not taken apart (be-…-i, ke-…-i, ke-…-kan, di-…-an,
 *   se-…-i, te-…-an), and a base needs three letters and a vowel.
 *
 * Why not `@nlpjs/lang-id` (MIT, 140 kB plus 140 kB of `@nlpjs/core`; its Snowball port of the
 * Tala stemmer): it gives one stem without the nasal sound changes and strips root-final letters,
 * so term and inflection never meet: tandatangan → tandatang but menandatangani → andatangan,
 * menulis → ulis, mengirimkan → irim, berlaku → berla (measured with 4.26.1).
 */
const VOWEL = /^[aiueo]/;
const MAX_WORD = 40;

function ok(base: string): boolean {
  return base.length >= 3 && /[aiueo]/.test(base);
}

/** Forms after one prefix is taken off (empty when none applies). */
function stripPrefix(word: string): { base: string; prefix: string }[] {
  const out: { base: string; prefix: string }[] = [];
  const add = (base: string, prefix: string) => {
    if (ok(base)) out.push({ base, prefix });
  };
  for (const p of ["di", "ke", "se"]) if (word.startsWith(p)) add(word.slice(p.length), p);
  if (word.startsWith("ter")) add(word.slice(3), "ter");
  if (word.startsWith("ber")) add(word.slice(3), "ber");
  else if (word.startsWith("bel") && word.startsWith("ajar", 3)) add(word.slice(3), "ber");
  else if (/^be[^aiueo]er/.test(word)) add(word.slice(2), "ber");
  if (word.startsWith("per")) add(word.slice(3), "per");
  else if (word.startsWith("pel") && word.startsWith("ajar", 3)) add(word.slice(3), "per");
  for (const n of ["me", "pe"]) {
    if (!word.startsWith(n)) continue;
    const rest = word.slice(2);
    const prefix = n === "me" ? "meN" : "peN";
    if (rest.startsWith("nge")) add(rest.slice(3), prefix);
    if (rest.startsWith("ny") && VOWEL.test(rest.slice(2))) add(`s${rest.slice(2)}`, prefix);
    else if (rest.startsWith("ng")) {
      const after = rest.slice(2);
      if (VOWEL.test(after)) {
        add(after, prefix);
        add(`k${after}`, prefix);
      } else if (/^(g|h|kh)/.test(after)) add(after, prefix);
    } else if (rest.startsWith("m")) {
      const after = rest.slice(1);
      if (VOWEL.test(after)) add(`p${after}`, prefix);
      else if (/^[bfv]/.test(after)) add(after, prefix);
    } else if (rest.startsWith("n")) {
      const after = rest.slice(1);
      if (VOWEL.test(after)) add(`t${after}`, prefix);
      else if (/^(c|d|j|z|sy)/.test(after)) add(after, prefix);
    }
    // me-/pe- before l, r, w, y and the nasals themselves (melihat, memakan, menanti).
    if (/^(l|r|w|y|m|n)/.test(rest)) add(rest, prefix);
    if (n === "pe" && !/^(l|r|w|y|m|n)/.test(rest)) add(rest, "pe");
  }
  return out;
}

const NOT_CONFIX: Record<string, readonly string[]> = {
  ber: ["i"],
  ke: ["i", "kan"],
  di: ["an"],
  se: ["i", "kan"],
  ter: ["an"],
};

/** Every base form of `word` (lower case, NFC), the word itself included. */
export function indonesianBases(word: string): Set<string> {
  const out = new Set<string>([word]);
  if (word.length > MAX_WORD) return out;
  const dash = word.indexOf("-");
  if (dash > 0) {
    const a = word.slice(0, dash);
    const b = word.slice(dash + 1);
    const basesA = indonesianBases(a);
    const basesB = indonesianBases(b);
    const related = a === b || basesB.has(a) || basesA.has(b);
    if (related) for (const base of [...basesA, ...basesB]) out.add(base);
    return out;
  }
  const inflected = new Set<string>([word]);
  for (const w of [...inflected]) {
    for (const p of ["lah", "kah", "tah", "pun"])
      if (w.endsWith(p) && ok(w.slice(0, -p.length))) inflected.add(w.slice(0, -p.length));
  }
  for (const w of [...inflected]) {
    for (const p of ["nya", "ku", "mu"])
      if (w.endsWith(p) && ok(w.slice(0, -p.length))) inflected.add(w.slice(0, -p.length));
  }
  const stems: { form: string; suffix: string }[] = [];
  for (const w of inflected) {
    stems.push({ form: w, suffix: "" });
    for (const s of ["kan", "an", "i"])
      if (w.endsWith(s) && ok(w.slice(0, -s.length)))
        stems.push({ form: w.slice(0, -s.length), suffix: s });
  }
  for (const { form, suffix } of stems) {
    out.add(form);
    for (const first of stripPrefix(form)) {
      if (suffix !== "" && NOT_CONFIX[first.prefix]?.includes(suffix)) continue;
      out.add(first.base);
      for (const second of stripPrefix(first.base)) {
        if (["ber", "per", "ter", "peN", "pe"].includes(second.prefix)) out.add(second.base);
      }
    }
  }
  return out;
}

/**
 * The guard: a base counts only when it occurs in the word as written, or, when a nasal prefix
 * changed its first sound (t, p, k, s), all of it but that first letter does.
 */
export function baseOccursIn(base: string, word: string): boolean {
  if (word.includes(base)) return true;
  return /^[tpks]/.test(base) && base.length >= 4 && word.includes(base.slice(1));
}
