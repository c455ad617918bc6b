import { ERROR_CODES } from "../../shared/api-error";
import type { StudioUser } from "../http/app-env";
import { HttpError } from "../http/http-error";

/**
 * The studio's one rule for changing someone's work: its author (names compared without case)
 * or an admin. Without sign-in everyone is the same admin, so it always holds there.
 */
function mayChange(author: string, user: StudioUser): boolean {
  return author.toLowerCase() === user.name.toLowerCase() || user.isAdmin;
}

/** Throws 403 naming who may, e.g. "Only Ana (who made this take) or an admin can delete it.", unless `user` may. */
export function requireAuthorOrAdmin(author: string, user: StudioUser, refusal: { authorOf: string; can: string }): void {
  if (!mayChange(author, user)) throw new HttpError(ERROR_CODES.forbidden, `Only ${author} (${refusal.authorOf}) or an admin can ${refusal.can}.`);
}
