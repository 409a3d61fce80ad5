/** The local user's display name, stamped on every change (a profile dialog comes with the review workflow). */
const USER_KEY = "selaras.user";

export function currentUser(): string {
  try {
    return localStorage.getItem(USER_KEY)?.trim() || "translator";
  } catch {
    return "translator";
  }
}
