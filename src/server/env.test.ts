import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("SIMULATOR_RENDER", () => {
  it("defaults to motion (unset or empty) and accepts still", () => {
    expect(parseEnv({}).SIMULATOR_RENDER).toBe("motion");
    expect(parseEnv({ SIMULATOR_RENDER: "" }).SIMULATOR_RENDER).toBe("motion");
    expect(parseEnv({ SIMULATOR_RENDER: "still" }).SIMULATOR_RENDER).toBe("still");
  });

  it("refuses anything else, naming the setting and the modes", () => {
    expect(() => parseEnv({ SIMULATOR_RENDER: "fast" })).toThrow(/SIMULATOR_RENDER: .*"motion"\|"still"/);
  });
});
