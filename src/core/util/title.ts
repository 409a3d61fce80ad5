/** A readable document title from a file name: "konvensi-hanoi_upacara.txt" → "Konvensi Hanoi Upacara". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.[^.]+$/, "");
  const words = stem.split(/[-_\s]+/).filter((w) => w !== "");
  if (words.length === 0) return base;
  return words.map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1)).join(" ");
}

/** A title from the first words of a pasted text (at most `max` characters, cut at a word boundary). */
export function titleFromText(text: string, max = 60): string {
  const first = text.trim().split(/\r?\n/)[0]?.trim() ?? "";
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
