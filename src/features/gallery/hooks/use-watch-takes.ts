import { useEffect, useEffectEvent, useState, useSyncExternalStore } from "react";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import type { Take } from "@/shared/take";
import { useCompletionTimes } from "@/hooks/use-completion-times";
import { takeQueryOptions } from "../api/get-take";
import { TakeTracker } from "../utils/take-tracker";

type WatchOptions = {
  /** Called once per batch the tab saw running, when none of it runs any more: its takes that completed or failed. */
  onSettled: (takes: readonly [Take, ...Take[]]) => void;
  /** A take whose own page already polls it. */
  except?: string | undefined;
};

/**
 * Keeps every unfinished take polling wherever the person is in the app, and reports
 * batches as they settle. Returns the ids of the takes still running.
 */
export function useWatchTakes({ onSettled, except }: WatchOptions): readonly string[] {
  const queryClient = useQueryClient();
  const settled = useEffectEvent(onSettled);
  const [tracker] = useState(() => new TakeTracker());
  useEffect(() => tracker.connect(queryClient.getQueryCache(), (takes) => settled(takes)), [tracker, queryClient]);

  const running = useSyncExternalStore(tracker.subscribe, tracker.getRunning, tracker.getRunning);
  const timesFor = useCompletionTimes();
  useQueries({
    queries: running
      .filter((id) => id !== except)
      // Keep going in a hidden tab: that is when the browser notification matters.
      .map((id) => ({ ...takeQueryOptions(id, timesFor), refetchIntervalInBackground: true })),
  });
  return running;
}
