export const ROLES = ["translator", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

/** The local user: stamped on every change (TMX creationid/changeid). */
export interface Profile {
  name: string;
  role: Role;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A display name is 1–80 characters after trimming, with no control characters. */
export function normalizeProfileName(name: string): string | null {
  const clean = name
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .replace(/\s+/g, " ");
  return clean.length >= 1 && clean.length <= 80 ? clean : null;
}
