/** Characters that Windows, macOS or Linux refuse in file names, plus C0/C1 controls. */
// eslint-disable-next-line no-control-regex
const UNSAFE_RE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]+/g;
const RESERVED_RE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_BASE_LENGTH = 120;

/**
 * A safe download name for an export: `exportFileName("Banjir di Jakarta: hari 2", "tmx")` gives
 * "Banjir di Jakarta - hari 2.tmx". Letters of any script are kept (NFC); unsafe characters become
 * " - " or are dropped; Windows device names and empty titles fall back to `fallback`.
 */
export function exportFileName(title: string, ext: string, fallback = "selaras-export"): string {
  let base = title
    .normalize("NFC")
    .replace(/[\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(UNSAFE_RE, " - ")
    .replace(/\s+/g, " ")
    .replace(/( - )+/g, " - ")
    .trim()
    .replace(/^[-.\s]+|[-.\s]+$/g, "");
  if (base.length > MAX_BASE_LENGTH) {
    const cut = [...base].slice(0, MAX_BASE_LENGTH).join("");
    base = cut.replace(/[-.\s]+$/g, "");
  }
  if (base === "" || RESERVED_RE.test(base)) base = fallback;
  const cleanExt = ext.replace(/^\.+/, "").replace(/[^A-Za-z0-9]/g, "");
  return cleanExt === "" ? base : `${base}.${cleanExt}`;
}
