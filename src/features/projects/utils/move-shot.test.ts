import { describe, expect, it } from "vitest";
import type { Shot } from "@/shared/project";
import { moveShot } from "./move-shot";

const shot = (id: string, order: number): Shot => ({
  id,
  projectId: "p1",
  code: id.toUpperCase(),
  description: null,
  order,
  counts: { takes: 0, circled: 0, rejected: 0, notes: 0 },
  circledTakeId: null,
  createdAt: "2025-01-01T10:00:00.000Z",
});

describe("moveShot", () => {
  const shots = [shot("a", 1), shot("b", 2), shot("c", 3)];
  const order = (list: Shot[]) => list.map((s) => `${s.id}${s.order}`).join(" ");

  it("moves a shot and renumbers the rest 1…n", () => {
    expect(order(moveShot(shots, "c", 1))).toBe("c1 a2 b3");
    expect(order(moveShot(shots, "a", 2))).toBe("b1 a2 c3");
  });

  it("keeps an order past either end inside the list, and an unknown id changes nothing", () => {
    expect(order(moveShot(shots, "a", 9))).toBe("b1 c2 a3");
    expect(order(moveShot(shots, "x", 1))).toBe("a1 b2 c3");
  });
});
