/**
 * Counts the writes that change how a take looks on the wire, whichever store makes them
 * (takes, notes): readers cache what they built from the tables until it moves.
 */
export function createChangeCounter() {
  let value = 0;
  return {
    bump(): void {
      value++;
    },
    get value(): number {
      return value;
    },
  };
}

export type ChangeCounter = ReturnType<typeof createChangeCounter>;
