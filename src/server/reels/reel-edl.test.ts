import { describe, expect, it } from "vitest";
import { reelEdlCsv, type ReelEdl } from "./reel-edl";

const event = (shot: string, takeId: string, notes: ReelEdl["events"][number]["notes"] = []) =>
  ({ shot, takeId, sourceFile: `${takeId}.mp4`, recordIn: "00:00:02:00", recordOut: "00:00:07:00", sourceIn: "00:00:00:00", sourceOut: "00:00:05:00", notes }) as unknown as ReelEdl["events"][number];

describe("the CSV edit list", () => {
  it("keeps every cell that a spreadsheet would run as a formula as text, and quotes commas, quotes and line breaks", () => {
    const edl = {
      events: [
        event("=SUM(A1)", "-23wJuVKMF2N", [{ atSeconds: 1, sourceTimecode: "00:00:01:00", recordTimecode: "00:00:03:00", text: 'a "push", then\nhold', author: "ana" }]),
        event("+SH020", "@take"),
        event("SH030", "plain_id-1"),
      ],
    } as unknown as ReelEdl;
    expect(reelEdlCsv(edl).split("\r\n")).toEqual([
      "shot,take_id,source_file,record_in,record_out,source_in,source_out,notes",
      `'=SUM(A1),'-23wJuVKMF2N,'-23wJuVKMF2N.mp4,00:00:02:00,00:00:07:00,00:00:00:00,00:00:05:00,"00:00:01:00 a ""push"", then\nhold (ana)"`,
      "'+SH020,'@take,'@take.mp4,00:00:02:00,00:00:07:00,00:00:00:00,00:00:05:00,",
      "SH030,plain_id-1,plain_id-1.mp4,00:00:02:00,00:00:07:00,00:00:00:00,00:00:05:00,",
      "",
    ]);
  });
});
