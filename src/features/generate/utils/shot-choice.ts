/** Where new takes land: a shot of a project, a project without a shot chosen yet, or nowhere. */
export type ShotChoice = { projectId: string | null; shotId: string | null };

export const NO_SHOT: ShotChoice = { projectId: null, shotId: null };

const storageKey = (creator: string) => `dailies.shot.${creator}`;

/** Each creator's last choice, so two people sharing a browser each keep their own. */
export function readShotChoice(creator: string): ShotChoice {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(creator)) ?? "null");
    if (stored && typeof stored === "object") {
      const { projectId, shotId } = stored as Record<string, unknown>;
      if (typeof projectId === "string") return { projectId, shotId: typeof shotId === "string" ? shotId : null };
    }
  } catch {
    // Unreadable or unavailable storage: start with no shot.
  }
  return NO_SHOT;
}

export function writeShotChoice(creator: string, choice: ShotChoice): void {
  try {
    localStorage.setItem(storageKey(creator), JSON.stringify(choice));
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
