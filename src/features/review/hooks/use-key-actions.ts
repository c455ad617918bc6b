import { useEffect, useRef } from "react";
import { reviewActionOf } from "../utils/review-keys";
import type { ReviewAction } from "../utils/review-keys";

/** Runs review actions for keys pressed anywhere on the page while `enabled`. */
export function useKeyActions(run: (action: ReviewAction) => void, enabled: boolean) {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      const action = reviewActionOf(event);
      if (!action) return;
      // Space would also scroll or press the focused button; arrows would scroll.
      event.preventDefault();
      latest.current(action);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
