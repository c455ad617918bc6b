import { isTerminal } from "../../src/shared/status";
import type { Take } from "../../src/shared/take";
import type { StudioTab } from "./studio-tab";

export type Census = { running: { mean: number; max: number }; pollingPerTab: { mean: number; max: number } };

const EVERY_MS = 1000;

/** Once a second: takes running in the studio (as the tabs last saw them), and takes each tab polls (mean over tabs). */
export function takeCensus(tabs: readonly StudioTab[], latest: ReadonlyMap<string, Take>): { stop(): Census } {
  const running: number[] = [];
  const polling: number[] = [];
  const timer = setInterval(() => {
    running.push([...latest.values()].filter((take) => !isTerminal(take.status)).length);
    polling.push(tabs.reduce((sum, tab) => sum + tab.watching, 0) / Math.max(1, tabs.length));
  }, EVERY_MS);
  const summary = (counts: number[]) => ({ mean: counts.reduce((sum, n) => sum + n, 0) / Math.max(1, counts.length), max: Math.max(0, ...counts) });
  return {
    stop() {
      clearInterval(timer);
      return { running: summary(running), pollingPerTab: summary(polling) };
    },
  };
}
