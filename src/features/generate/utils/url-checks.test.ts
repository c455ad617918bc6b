import { describe, expect, it } from "vitest";
import { createUrlChecks } from "./url-checks";

const url = "https://images.example.com/strip.jpg";
const size = { width: 400, height: 1000 };

describe("url checks", () => {
  it("keep the last problem found for an address, and forget it once the address loads fine", () => {
    const checks = createUrlChecks();
    checks.record({ url, size, problem: "Too narrow." });
    expect(checks.problemOf(url)).toBe("Too narrow.");
    checks.record({ url, size: { width: 1280, height: 720 }, problem: null });
    expect(checks.problemOf(url)).toBeUndefined();
  });

  it("belong to one form: another form's checks never hear of it", () => {
    const first = createUrlChecks();
    const second = createUrlChecks();
    first.record({ url, size: null, problem: "Not loaded." });
    expect(second.problemOf(url)).toBeUndefined();
  });
});
