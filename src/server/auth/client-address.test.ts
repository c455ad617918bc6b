import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress, remoteAddress } from "./client-address";
import { parseTrustedProxies } from "./trusted-proxies";

const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");

/** Who the studio takes a request to come from, given the socket's peer and X-Forwarded-For. */
async function seenAs(peer: string | undefined, forwardedFor?: string): Promise<string> {
  const app = new Hono().get("/", (c) => c.text(clientAddress(c, trusted)));
  const env = peer === undefined ? undefined : { incoming: { socket: { remoteAddress: peer, remotePort: 50000, remoteFamily: peer.includes(":") ? "IPv6" : "IPv4" } } };
  const response = await app.request("/", { headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }, env);
  return response.text();
}

describe("the client's address", () => {
  it("is the peer itself when the peer is not a trusted proxy, whatever it forwards", async () => {
    expect(await seenAs("203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
  });

  it("behind trusted proxies, is the right-most forwarded hop that is not one of them, spaces and empty hops aside", async () => {
    expect(await seenAs("127.0.0.1", "198.51.100.1,  203.0.113.9 , 10.1.2.3")).toBe("203.0.113.9");
    expect(await seenAs("127.0.0.1", "203.0.113.9,,10.1.2.3,")).toBe("203.0.113.9");
  });

  it("is the peer when a forwarded hop is not an address (a misconfigured proxy, not a new client)", async () => {
    expect(await seenAs("127.0.0.1", "198.51.100.1, not-an-address, 10.1.2.3")).toBe("127.0.0.1");
  });

  it("is the left-most hop when every hop is a trusted proxy, and the peer when nothing was forwarded", async () => {
    expect(await seenAs("127.0.0.1", "10.0.0.9, 10.1.2.3")).toBe("10.0.0.9");
    expect(await seenAs("127.0.0.1")).toBe("127.0.0.1");
  });

  it("is 'unknown' without a socket to ask", async () => {
    const app = new Hono().get("/", (c) => c.text(remoteAddress(c)));
    expect(await (await app.request("/")).text()).toBe("unknown");
  });
});
