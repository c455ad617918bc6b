import { expect, it } from "vitest";
import { takeSchema } from "../../shared/take";
import { startFakeUpstream, type FakeReply } from "../testing/fake-upstream";
import { cleanupsPerTest } from "../testing/harness-around";
import type { TakeSeed } from "../testing/seed-takes";
import { startSeededHarness } from "../testing/seeded-studio";
import { waitForTerminal } from "../testing/studio-harness";

/**
 * The poller's start-up path, in this process (so Stryker's mutants reach it): a studio starts
 * on a database holding takes a previous run left unfinished. The kill -9 itself is in
 * submit-interrupted.test.ts and restart.test.ts.
 */
const KEY = "sk-runner-start-0001";
const INTERRUPTED = {
  code: "submit_interrupted",
  message: "Dailies stopped while sending this take, so it may not have reached the provider. Check your provider dashboard before generating it again.",
};

const stopAfterTest = cleanupsPerTest();

/** A studio started on `seeds`, its upstream answering every poll with `poll`. */
async function startOn(seeds: TakeSeed[], poll: FakeReply) {
  const fake = await startFakeUpstream((r) => (r.method === "POST" ? { status: 201, json: { id: "up-new", status: "queued" } } : poll));
  stopAfterTest(fake.close);
  const h = await startSeededHarness(seeds, { AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: fake.url });
  stopAfterTest(() => h.stop());
  const { ids } = h;
  const take = async (id: string) => takeSchema.parse(await waitForTerminal(h.url, id));
  const takeNow = async (id: string) => takeSchema.parse(await (await fetch(`${h.url}/api/generations/${id}`)).json());
  return { fake, ids, take, takeNow };
}

it("a studio that starts on a database holding a half-sent take fails it as submit_interrupted and sends nothing", async () => {
  const { fake, ids, takeNow } = await startOn([{ status: "sending", prompt: "half sent" }], { json: { id: "up-0", status: "queued" } });
  // Failed before the studio answers its first request.
  expect(await takeNow(ids[0]!)).toMatchObject({ status: "failed", error: INTERRUPTED });
  expect(fake.requests).toHaveLength(0);
});

it("polls an accepted take again after a restart, and fails one whose deadline passed meanwhile without asking the provider", async () => {
  const now = Date.now();
  const { fake, ids, take } = await startOn(
    [
      { status: "running", prompt: "left running" },
      { status: "running", prompt: "left too long", createdAt: now - 20 * 60_000, deadlineAt: now - 5 * 60_000 },
      // A provider that answered the create with an empty status.
      { status: "running", prompt: "never heard of", createdAt: now - 3 * 60_000, deadlineAt: now - 60_000, upstreamStatus: "" },
    ],
    { json: { id: "up-0", status: "failed", error: "INTERNAL" } },
  );
  expect((await take(ids[0]!)).error).toMatchObject({ code: "upstream_internal" });
  expect((await take(ids[1]!)).error).toEqual({
    code: "deadline_exceeded",
    message: "The provider did not finish this take within 15 minutes, so Dailies gave up on it. Try again.",
    detail: 'The provider last reported "queued".',
    retryable: true,
  });
  expect((await take(ids[2]!)).error).toMatchObject({ message: /within 2 minutes/, detail: "The provider never reported progress." });
  expect(fake.requests.map((r) => `${r.method} ${new URL(r.url, fake.url).searchParams.get("generation_id")}`)).toEqual(["GET up-0"]);
});
