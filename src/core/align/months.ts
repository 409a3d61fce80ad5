/**
 * Month names per language (folded: lower case, no diacritics), so that dates anchor across
 * languages. Vietnamese writes "tháng 10", which the number anchor already covers.
 */
const TABLE: Record<string, string> = {
  en: "january february march april may june july august september october november december",
  id: "januari februari maret april mei juni juli agustus september oktober november desember",
  ms: "januari februari mac april mei jun julai ogos september oktober november disember",
  de: "januar februar marz april mai juni juli august september oktober november dezember",
  fr: "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
  es: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
  it: "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
  pt: "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
  nl: "januari februari maart april mei juni juli augustus september oktober november december",
  is: "januar februar mars april mai juni juli agust september oktober november desember",
};

const cache = new Map<string, Map<string, number>>();

/** Folded month name → month number (1..12) for a language, empty for languages not listed. */
export function monthNames(lang: string): Map<string, number> {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? "";
  let map = cache.get(primary);
  if (!map) {
    map = new Map();
    (TABLE[primary] ?? "").split(" ").forEach((name, i) => {
      if (name !== "") map?.set(name, i + 1);
    });
    if (primary === "de") map.set("janner", 1);
    cache.set(primary, map);
  }
  return map;
}
