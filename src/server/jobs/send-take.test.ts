import { describe, expect, it } from "vitest";
import { takeSchema } from "../../shared/take";
import { studiosPerTest, takeBody } from "../testing/fake-studio";
import type { FakeReply } from "../testing/fake-upstream";
import { postJson } from "../testing/studio-harness";

const studio = studiosPerTest();

/** Sends one take to an upstream whose create answers `created`; polls would say it runs on. */
async function sendWith(created: FakeReply) {
  const { h, fake } = await studio(() => ({ json: { id: "up-1", status: "generating" } }), () => created);
  const response = await postJson(h.url, "/api/generations", takeBody);
  return { status: response.status, take: takeSchema.parse(await response.json()), fake };
}

describe("a create the upstream answers as already failed", () => {
  it("fails the take at once with the provider's reason in words and its text as the detail", async () => {
    const { status, take } = await sendWith({ status: 201, json: { id: "up-1", status: "failed", error: { name: "SAFETY.INPUT.TEXT", message: "prompt flagged" } } });
    expect(status).toBe(201);
    expect(take).toMatchObject({ status: "failed", error: { code: "safety_input", message: /Change the image or the prompt/, detail: "prompt flagged", retryable: false } });
    expect(take.timings.submittedAt).not.toBeNull();
    expect(take.timings.finishedAt).not.toBeNull();
  });

  it("without a reason, fails it as a plain failure with no detail", async () => {
    const { take } = await sendWith({ status: 201, json: { id: "up-1", status: "failed" } });
    expect(take).toMatchObject({ status: "failed", error: { code: "generation_failed", detail: null } });
  });
});
