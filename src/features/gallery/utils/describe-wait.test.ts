import { describe, expect, it } from "vitest";
import type { Take } from "@/shared/take";
import { fromBrackets } from "@/shared/completion-times";
import { describeWait } from "./describe-wait";

const SUBMITTED = Date.parse("2026-01-01T10:00:00.000Z");
const TIMES = fromBrackets(Array.from({ length: 10 }, (_, i) => ({ lowMs: 20_000 + i * 1_000, highMs: 21_000 + i * 1_000 })));
const take = (status: Take["status"]) =>
  ({ status, model: "gen3a_turbo", createdAt: new Date(SUBMITTED).toISOString(), timings: { submittedAt: new Date(SUBMITTED).toISOString(), startedAt: null, finishedAt: null } }) as Take;

describe("what a running take says", () => {
  it("gives the time left from the studio's takes, then says when it runs long", () => {
    expect(describeWait(take("generating"), TIMES, SUBMITTED + 5_000)).toBe("Gen-3 Alpha Turbo: about 20 s left");
    expect(describeWait(take("queued"), TIMES, SUBMITTED + 29_900)).toBe("Gen-3 Alpha Turbo: running longer than usual");
    expect(describeWait(take("finishing"), TIMES, SUBMITTED + 25_000)).toBe("Rendered — saving the video…");
    expect(describeWait(take("checking"), TIMES, SUBMITTED + 5_000)).toMatch(/^No clear answer from the AI\/ML API — checking its usage log for this take; it won't be sent twice$/);
  });

  it("claims nothing before takes of its kind are timed, and nothing once settled", () => {
    expect(describeWait(take("generating"), null, SUBMITTED + 5_000)).toMatch(/no estimate yet/);
    expect(describeWait(take("completed"), TIMES, SUBMITTED)).toBeNull();
    expect(describeWait(take("failed"), TIMES, SUBMITTED)).toBeNull();
  });
});
