import { describe, expect, it } from "vitest";
import { createAllowedOrigins } from "./origin-guards";

// The guards' list of names, built inside each test (a studio built in a hook is set up before
// a mutation run switches its mutant on, so these are also what `npm run mutate` can see).
describe("createAllowedOrigins", () => {
  it("before it listens, answers loopback names on any port and says where to open it", () => {
    const allowed = createAllowedOrigins([]);
    expect(allowed.hostAllowed("127.0.0.1:5173")).toBe(true);
    expect(allowed.hostAllowed("LOCALHOST")).toBe(true);
    expect(allowed.hostAllowed("rebind.example")).toBe(false);
    expect(allowed.originAllowed("http://[::1]:9")).toBe(true);
    expect(allowed.originAllowed("https://127.0.0.1:9")).toBe(false);
    expect(allowed.describe()).toBe("http://127.0.0.1:<port>");
  });

  it("once listening, answers the loopback names on that port only, with and without the default port", () => {
    const allowed = createAllowedOrigins([]);
    allowed.listeningOn(8787);
    expect(["127.0.0.1:8787", "localhost:8787", "[::1]:8787"].map((h) => allowed.hostAllowed(h))).toEqual([true, true, true]);
    expect(["127.0.0.1:1", "127.0.0.1", "localhost"].map((h) => allowed.hostAllowed(h))).toEqual([false, false, false]);
    expect(allowed.originAllowed("http://localhost:8787")).toBe(true);
    expect(allowed.originAllowed("http://localhost")).toBe(false);
    expect(allowed.describe()).toBe("http://127.0.0.1:8787, http://localhost:8787, http://[::1]:8787");

    const onEighty = createAllowedOrigins([]);
    onEighty.listeningOn(80);
    expect(["127.0.0.1", "127.0.0.1:80", "localhost"].map((h) => onEighty.hostAllowed(h))).toEqual([true, true, true]);
    expect(onEighty.hostAllowed("127.0.0.1:8080")).toBe(false);
    expect(onEighty.originAllowed("http://127.0.0.1")).toBe(true);
    expect(onEighty.originAllowed("http://127.0.0.1:80")).toBe(false);
    expect(onEighty.describe()).toBe("http://127.0.0.1, http://localhost, http://[::1]");
  });

  it("adds each public origin with its Host, the scheme's default port spelled out or not", () => {
    const allowed = createAllowedOrigins(["https://dailies.example", "http://plain.example", "http://10.1.2.3:8080"]);
    allowed.listeningOn(8787);
    expect(["dailies.example", "dailies.example:443", "plain.example", "plain.example:80"].map((h) => allowed.hostAllowed(h))).toEqual([true, true, true, true]);
    expect(["dailies.example:80", "plain.example:443", "10.1.2.3", "10.1.2.3:8080"].map((h) => allowed.hostAllowed(h))).toEqual([false, false, false, true]);
    expect(allowed.originAllowed("https://dailies.example")).toBe(true);
    expect(allowed.originAllowed("http://dailies.example")).toBe(false);
    expect(allowed.describe()).toBe("https://dailies.example, http://plain.example, http://10.1.2.3:8080, http://127.0.0.1:8787, http://localhost:8787, http://[::1]:8787");
  });
});
