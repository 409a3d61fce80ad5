/** TMX dates: "YYYYMMDDThhmmssZ" (UTC), the pattern TMX 1.4b recommends. */
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const EXTENDED_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** Formats a Date or an ISO string; undefined when it is not a valid date in years 0-9999. */
export function formatTmxDate(value: Date | string): string | undefined {
  const date = typeof value === "string" ? new Date(value) : value;
  const time = date.getTime();
  if (Number.isNaN(time)) return undefined;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  return (
    `${pad(year, 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/**
 * Parses the compact TMX form (and the extended ISO form OmegaT also reads) into an ISO 8601
 * string (`toISOString()`, so milliseconds are ".000"); undefined when invalid.
 */
export function parseTmxDate(value: string): string | undefined {
  const match = COMPACT_RE.exec(value.trim()) ?? EXTENDED_RE.exec(value.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString();
}
