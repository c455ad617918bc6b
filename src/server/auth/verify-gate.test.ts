import { describe, expect, it } from "vitest";
import { createVerifyGate } from "./verify-gate";

/** A check that ends when the test says so, counting how many run at once. */
function checks() {
  let running = 0;
  let most = 0;
  const ends: (() => void)[] = [];
  const check = () =>
    new Promise<string>((resolve) => {
      running++;
      most = Math.max(most, running);
      ends.push(() => {
        running--;
        resolve("checked");
      });
    });
  const endNext = async () => {
    for (let i = 0; i < 20 && ends.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    ends.shift()?.();
  };
  return { check, endNext, most: () => most };
}

describe("the verify gate", () => {
  it("lets a queued check wait for a slot (up to two seconds by default) instead of turning it away", async () => {
    const gate = createVerifyGate({ concurrent: 1 });
    const { check, endNext } = checks();
    const first = gate.run(check);
    const queued = gate.run(check);
    await endNext();
    await endNext();
    expect(await first).toBe("checked");
    expect(await queued).toBe("checked");
  });

  it("never runs more checks at once than its cap, however many queue", async () => {
    const gate = createVerifyGate({ concurrent: 1 });
    const { check, endNext, most } = checks();
    const runs = [gate.run(check), gate.run(check), gate.run(check)];
    await endNext();
    const late = gate.run(check);
    for (let i = 0; i < 3; i++) await endNext();
    expect(await Promise.all([...runs, late])).toEqual(["checked", "checked", "checked", "checked"]);
    expect(most()).toBe(1);
  });
});
