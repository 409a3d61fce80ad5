import { useProfile } from "../../db/hooks.ts";
import type { Profile } from "../../core/model/profile.ts";

const ANONYMOUS: Profile = { name: "translator", role: "translator" };

/** The current user for stamping changes; until a profile exists, an anonymous translator. */
export function useUser(): Profile {
  return useProfile() ?? ANONYMOUS;
}
