import { ERROR_CODES } from "../../shared/api-error";
import type { StudioUser } from "../http/app-env";
import { HttpError } from "../http/http-error";

/**
 * The studio's one rule for changing someone's work: its author (names compared without case)
 * or an admin. Without sign-in everyone is the same admin, so it always holds there.
 */
export function mayChange(author: string, user: StudioUser): boolean {
  return author.toLowerCase() === user.name.toLowerCase() || user.isAdmin;
}

/** Throws 403 naming who may, unless `user` may change work by `author`. */
export function requireAuthorOrAdmin(author: string, user: StudioUser, what: string): void {
  if (!mayChange(author, user)) throw new HttpError(ERROR_CODES.forbidden, `Only ${author} (who wrote ${what}) or an admin can change or delete it.`);
}
