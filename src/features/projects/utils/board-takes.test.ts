import { describe, expect, it } from "vitest";
import { makeTake } from "@/test/fake-bff";
import { boardGroups } from "./board-takes";

const at = (minute: number) => `2025-01-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
const ids = (groups: ReturnType<typeof boardGroups>) => groups.map((g) => g.takes.map((t) => t.id));

describe("boardGroups", () => {
  const takes = [
    makeTake({ id: "t4", createdAt: at(4), batchId: "t4" }),
    makeTake({ id: "t3", createdAt: at(2), batchId: "t2" }),
    makeTake({ id: "t2", createdAt: at(2), batchId: "t2" }),
    makeTake({ id: "t1", createdAt: at(1), batchId: "t1" }),
  ];

  it("orders takes as they were made and keeps each submit together", () => {
    expect(ids(boardGroups(takes, null))).toEqual([["t1"], ["t2", "t3"], ["t4"]]);
  });

  it("puts the circled take first, leading its own batch", () => {
    expect(ids(boardGroups(takes, "t3"))).toEqual([["t3", "t2"], ["t1"], ["t4"]]);
    expect(ids(boardGroups(takes, "t4"))).toEqual([["t4"], ["t1"], ["t2", "t3"]]);
  });

  it("ignores a circled take the row does not hold", () => {
    expect(ids(boardGroups(takes, "elsewhere"))).toEqual([["t1"], ["t2", "t3"], ["t4"]]);
  });
});
