/** Short random ids (base 36, 12 chars): stable record ids and TMX tuids. */
export function newId(prefix = ""): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return prefix + n.toString(36).padStart(13, "0").slice(-12);
}

export function nowIso(): string {
  return new Date().toISOString();
}
