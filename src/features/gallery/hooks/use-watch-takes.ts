import { useEffect, useEffectEvent, useState, useSyncExternalStore } from "react";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import type { Take } from "@/shared/take";
import { takeQueryOptions } from "../api/get-take";
import { TakeTracker } from "../utils/take-tracker";

type WatchOptions = {
  /** Called once when a take the tab saw running completes or fails. */
  onSettled: (take: Take) => void;
  /** A take whose own page already polls it. */
  except?: string | undefined;
};

/**
 * Keeps every unfinished take polling wherever the person is in the app, and reports
 * transitions. Returns the ids of the takes still running.
 */
export function useWatchTakes({ onSettled, except }: WatchOptions): readonly string[] {
  const queryClient = useQueryClient();
  const settled = useEffectEvent(onSettled);
  const [tracker] = useState(() => new TakeTracker());
  useEffect(() => tracker.connect(queryClient.getQueryCache(), (take) => settled(take)), [tracker, queryClient]);

  const running = useSyncExternalStore(tracker.subscribe, tracker.getRunning, tracker.getRunning);
  useQueries({
    queries: running
      .filter((id) => id !== except)
      // Keep going in a hidden tab: that is when the browser notification matters.
      .map((id) => ({ ...takeQueryOptions(id, tracker.expectedMs), refetchIntervalInBackground: true })),
  });
  return running;
}
