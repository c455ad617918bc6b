import type { SharedChanges } from "../db/shared-changes";

/**
 * Counts the writes that change how a take looks on the wire, whichever store makes them
 * (takes, notes): readers cache what they built from the tables until it moves. With several
 * replicas on one database, each write is published and other replicas' writes are heard
 * (shared-changes.ts); while that channel is down, every read counts as a change.
 */
export function createChangeCounter() {
  let value = 0;
  let shared: Pick<SharedChanges, "publish" | "listening"> | null = null;
  return {
    bump(): void {
      value++;
      shared?.publish();
    },
    /** Another replica changed a take. */
    heard(): void {
      value++;
    },
    share(channel: Pick<SharedChanges, "publish" | "listening">): void {
      shared = channel;
    },
    get value(): number {
      if (shared && !shared.listening) value++;
      return value;
    },
  };
}

export type ChangeCounter = ReturnType<typeof createChangeCounter>;
