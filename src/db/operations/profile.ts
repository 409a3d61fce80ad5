import type { SelarasDb } from "../database.ts";
import { isRole, normalizeProfileName, type Profile } from "../../core/model/profile.ts";
import { AppError } from "../../core/model/app-error.ts";

const PROFILE_KEY = "profile";

export async function getProfile(db: SelarasDb): Promise<Profile | null> {
  const value = (await db.meta.get(PROFILE_KEY))?.value as Partial<Profile> | undefined;
  if (
    !value ||
    typeof value.name !== "string" ||
    typeof value.role !== "string" ||
    !isRole(value.role)
  ) {
    return null;
  }
  return { name: value.name, role: value.role };
}

export async function saveProfile(db: SelarasDb, profile: Profile): Promise<Profile> {
  const name = normalizeProfileName(profile.name);
  if (!name) throw new AppError("profile.badName", {});
  const clean: Profile = { name, role: profile.role };
  await db.meta.put({ key: PROFILE_KEY, value: clean });
  return clean;
}
