/** TMX dates: "YYYYMMDDThhmmssZ" (UTC), the pattern TMX 1.4b recommends. */
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const EXTENDED_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** What Date#toISOString gives (the form Selaras stores), read without building a Date. */
const ISO_UTC_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/;

/** Formats a Date or an ISO string; undefined when it is not a valid date in years 0-9999. */
export function formatTmxDate(value: Date | string): string | undefined {
  if (typeof value === "string") {
    const m = ISO_UTC_RE.exec(value);
    // Fast path only for values that are certainly valid (day ≤ 28); the rest goes through Date.
    if (
      m &&
      Number(m[2]) >= 1 &&
      Number(m[2]) <= 12 &&
      Number(m[3]) >= 1 &&
      Number(m[3]) <= 28 &&
      Number(m[4]) < 24 &&
      Number(m[5]) < 60 &&
      Number(m[6]) < 60
    ) {
      return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`;
    }
  }
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
  // Units share a few dates (batch exports: one creation date, one change date): a small memo
  // saves the parsing and keeps one result string per date instead of one per unit.
  let result = parsed.get(value);
  if (result === undefined && !parsed.has(value)) {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    result = parseUncached(value);
    parsed.set(value, result);
  }
  return result;
}

const parsed = new Map<string, string | undefined>();
const PARSED_LIMIT = 1024;

function parseUncached(value: string): string | undefined {
  const trimmed = value.trim();
  const match = COMPACT_RE.exec(trimmed) ?? EXTENDED_RE.exec(trimmed);
  if (!match) return undefined;
  const [, ys, mos, ds, hs, mis, ss] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const mo = Number(mos);
  const d = Number(ds);
  if (Number(hs) > 23 || Number(mis) > 59 || Number(ss) > 59 || mo < 1 || mo > 12 || d < 1)
    return undefined;
  // Days 1-28 exist in every month: no Date needed (the common case, and hot on import).
  if (d <= 28) return `${ys}-${mos}-${ds}T${hs}:${mis}:${ss}.000Z`;
  const date = new Date(0);
  date.setUTCFullYear(Number(ys), mo - 1, d);
  date.setUTCHours(Number(hs), Number(mis), Number(ss), 0);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString();
}
