import { afterAll, beforeAll, expect, it } from "vitest";
import { takeListSchema } from "../../shared/take";
import { postJson, startHarness, testImage, upload, type Harness } from "../testing/studio-harness";

let h: Harness;
// Port 2 is privileged, outside the ephemeral range and the Fetch spec's blocked ports (1 is
// blocked: fetch refuses it before connecting), and nothing listens on it: every connect is refused.
// A port freed by a probe was not: in a CI run another test's server was given it while the
// create backed off between attempts, and answered 404.
const closedPort = 2;

beforeAll(async () => {
  h = await startHarness({ AIMLAPI_KEY: "sk-unreachable-0001", AIMLAPI_BASE_URL: `http://127.0.0.1:${closedPort}` });
});
afterAll(() => h.stop());

it("a create that can't reach the upstream fails in words; the socket's reason goes to the log only", async () => {
  const image = (await (await upload(h.url, await testImage())).json()) as { id: string };
  const response = await postJson(h.url, "/api/generations", { model: "gen4_turbo", prompt: "unreachable", image: { uploadId: image.id }, ratio: "16:9", duration: 5 });
  expect(response.status).toBe(502);
  const body = JSON.stringify(await response.json());
  const list = takeListSchema.parse(await (await fetch(`${h.url}/api/generations`)).json());
  expect(list.items).toHaveLength(1);
  expect(list.items[0]!.error).toMatchObject({ code: "upstream_unavailable", message: /Can't reach the AI\/ML API/, detail: null });
  for (const seen of [body, JSON.stringify(list)]) expect(seen).not.toMatch(new RegExp(`ECONNREFUSED|127\\.0\\.0\\.1:${closedPort}\\b`));
  expect(h.logLines.join("\n")).toMatch(/ECONNREFUSED/);
});
