import { afterEach, beforeEach, vi } from "vitest";

// `console.error` in a test is a failure (house style): React warnings and unhandled
// errors surface here instead of scrolling past.
let errorSpy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});

afterEach(async () => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockRestore();
  if (typeof document !== "undefined") {
    const { cleanup } = await import("@testing-library/react");
    cleanup();
  }
  if (calls.length > 0) {
    throw new Error(`console.error was called:\n${calls.map((c: unknown[]) => c.map(String).join(" ")).join("\n")}`);
  }
});

if (typeof window !== "undefined") {
  await import("@testing-library/jest-dom/vitest");
  // findBy* waits up to 1 s by default; a first render of the lazy form on a busy 2-core
  // machine can take longer. Waiting is not timing: a test still fails when nothing shows.
  const { configure } = await import("@testing-library/react");
  configure({ asyncUtilTimeout: 5000 });
}
