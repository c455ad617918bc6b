import { describe, expect, it } from "vitest";
import { centreCrop, describeSizeProblem } from "./frame-checks";

describe("describeSizeProblem", () => {
  it("applies the model's limits on size and ratio", () => {
    expect(describeSizeProblem(1920, 1080)).toBeNull();
    expect(describeSizeProblem(400, 1000)).toMatch(/ratio is 0\.40 \(400×1000\); it must be between 0\.5 and 2/);
    expect(describeSizeProblem(300, 300)).toMatch(/short side must be at least 320 px/);
    expect(describeSizeProblem(9000, 6000)).toMatch(/largest side may be at most 8000 px/);
  });
});

describe("centreCrop", () => {
  it("keeps the centre the model sees after covering the output ratio", () => {
    expect(centreCrop(1920, 1080, "16:9")).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080, kept: 1 });
    const portrait = centreCrop(1080, 1920, "16:9");
    expect(portrait).toMatchObject({ x: 0, width: 1080 });
    expect(portrait?.height).toBeCloseTo(607.5);
    expect(portrait?.y).toBeCloseTo(656.25);
    expect(portrait?.kept).toBeCloseTo(0.316, 3);
    expect(centreCrop(2000, 1000, "1:1")).toMatchObject({ x: 500, y: 0, width: 1000, height: 1000, kept: 0.5 });
  });
});
