import { describe, expect, it } from "vitest";
import { makeCompleted } from "@/test/fake-bff";
import { takeDraft } from "./take";

describe("takeDraft (Make another from a take)", () => {
  it("keeps the take's shot, and no shot for a take in none", () => {
    expect(takeDraft(makeCompleted({ id: "t1", projectId: "p1", shotId: "s2" }))).toMatchObject({ kind: "take", shot: { projectId: "p1", shotId: "s2" } });
    expect(takeDraft(makeCompleted({ id: "t2" }))).toMatchObject({ kind: "take", shot: null });
  });
});
