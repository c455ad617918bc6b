import { afterEach, expect, it, vi } from "vitest";
import { randomId } from "./random-id";

afterEach(() => {
  vi.unstubAllGlobals();
});

it("makes a v4 UUID even where crypto.randomUUID is missing (plain http)", () => {
  vi.stubGlobal("isSecureContext", false);
  const ids = new Set(Array.from({ length: 50 }, () => randomId()));
  expect(ids.size).toBe(50);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
