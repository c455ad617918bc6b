/**
 * A refusal sent before the body was read to its end says `Connection: close`, so a client's
 * pool does not reuse a socket the server is about to drop (found by the studio load run: the
 * next upload on that socket failed with EPIPE). A refusal of a body read whole keeps the
 * connection.
 */
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { harnessAround } from "../testing/harness-around";
import { startHarness } from "../testing/studio-harness";

const h = harnessAround(() => startHarness());

function send(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    // A keep-alive client, as browsers and fetch are: the server decides whether the socket stays.
    const agent = new Agent({ keepAlive: true });
    const req = httpRequest(`${h.url}${path}`, { method: "POST", headers, agent });
    req.on("error", reject);
    req.on("response", (response: IncomingMessage) => {
      response.resume();
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
        agent.destroy();
      });
    });
    req.write(body);
  });
}

describe("the connection after a refusal", () => {
  it("is closed, and says so, when the refused body was not read to its end", async () => {
    const boundary = "b0undary";
    const answer = await send("/api/uploads", { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(200 * 1024 * 1024) }, Buffer.from(`--${boundary}\r\n`));
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe("close");
  });

  it("is kept when the refused body was read whole", async () => {
    const body = Buffer.from(JSON.stringify({ model: "gen4_turbo" }));
    const answer = await send("/api/generations", { "content-type": "application/json", "content-length": String(body.length), origin: h.url }, body);
    expect(answer.status).toBe(400);
    expect(answer.connection).toBe("keep-alive");
  });
});
