import type { Take } from "@/shared/take";

/**
 * Who is looking at the gallery, as the route tells it. `identified` is false when the studio
 * runs without sign-in: everyone is "studio" then, so authorship says nothing.
 */
export type Viewer = { name: string; isAdmin: boolean; identified: boolean };

/** The server lets only the author or an admin delete (403 otherwise); offer no button it would refuse. */
export function mayDelete(viewer: Viewer | undefined, take: Take): boolean {
  return !viewer || viewer.isAdmin || viewer.name === take.author;
}

/** "Mine only" and "by ana" mean something only where people sign in. */
export function showsAuthors(viewer: Viewer | undefined): boolean {
  return viewer?.identified ?? true;
}
