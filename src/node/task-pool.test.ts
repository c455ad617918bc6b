import { describe, expect, it } from "vitest";
import { createTaskPool } from "./task-pool";

describe("createTaskPool", () => {
  it("runs at most its limit at once, waiting tasks lowest priority first, arrival order among equals", async () => {
    const pool = createTaskPool(1);
    const order: string[] = [];
    let release = () => {};
    const first = pool.run(() => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push("first")));
    const later = [
      pool.run(async () => void order.push("no priority")),
      pool.run(async () => void order.push("due 10 a"), 10),
      pool.run(async () => void order.push("due 10 b"), 10),
      pool.run(async () => void order.push("due 0"), 0),
    ];
    release();
    await Promise.all([first, ...later]);
    // No priority is 0: it came before "due 0", so it goes first among equals.
    expect(order).toEqual(["first", "no priority", "due 0", "due 10 a", "due 10 b"]);
  });
});
