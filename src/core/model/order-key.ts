/**
 * Fractional order keys (base 36, lexicographic): `keyBetween(a, b)` returns a key that sorts strictly
 * between a and b, so inserting a row never renumbers the others. `initialKeys(n)` spreads n keys
 * evenly for a fresh import.
 */
const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
const BASE = DIGITS.length;

function assertKey(key: string): void {
  if (key === "" || /[^0-9a-z]/.test(key) || key.endsWith("0")) {
    throw new Error(`invalid order key: "${key}"`);
  }
}

function digitAt(key: string, i: number): number {
  const ch = key[i];
  return ch === undefined ? 0 : DIGITS.indexOf(ch);
}

/** Midpoint of two fractions 0.a and 0.b written in base 36 (b null = 1). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? "0") === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = digitAt(a, 0);
  const db = b === null ? BASE : digitAt(b, 0);
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)] ?? "";
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[da] ?? "") + midpoint(a.slice(1), null);
}

/** A key strictly between a and b (null means open end). Keys never end in "0". */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null) assertKey(a);
  if (b !== null) assertKey(b);
  if (a !== null && b !== null && a >= b) throw new Error(`keyBetween: "${a}" >= "${b}"`);
  return midpoint(a ?? "", b);
}

/** n evenly spread keys of equal length, in ascending order. */
export function initialKeys(n: number): string[] {
  if (n <= 0) return [];
  let width = 1;
  while (BASE ** width <= n * 2) width++;
  const step = Math.floor(BASE ** width / (n + 1));
  const keys: string[] = [];
  for (let i = 1; i <= n; i++) {
    let key = (step * i).toString(BASE).padStart(width, "0");
    while (key.endsWith("0")) key = key.slice(0, -1);
    keys.push(key);
  }
  return keys;
}
