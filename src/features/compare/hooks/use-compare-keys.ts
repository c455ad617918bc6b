import { useEffect, useRef } from "react";

export type CompareKeyActions = {
  togglePlay: () => void;
  step: (delta: number) => void;
  setLoopStart: () => void;
  setLoopEnd: () => void;
  /** Keys 1–4. */
  focusTake: (index: number) => void;
  /** Any other key; true when it was handled. */
  other: (event: KeyboardEvent) => boolean;
};

const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "url", "tel", "password", "number", "date", "time", "datetime-local", "month", "week"]);

function isTyping(target: Element): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/** Space already presses a focused button or link; the transport must not act twice. */
const ownsSpace = (target: Element) => target.closest("button, a[href], summary, input:not([type='range']), [role='button']") !== null;
/** A focused scrubber or slider moves itself with the arrows. */
const ownsArrows = (target: Element) => target.closest("input[type='range'], [role='slider']") !== null;

/**
 * The transport keys for the whole page: Space play/pause, ←/→ one frame, I/O loop points,
 * 1–4 focus a take; the rest goes to `other` (review keys). Ignored while typing.
 */
export function useCompareKeys(actions: CompareKeyActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target instanceof Element ? event.target : document.body;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(target)) return;
      const act = latest.current;
      let handled = true;
      if (event.key === " " && !ownsSpace(target)) act.togglePlay();
      else if ((event.key === "ArrowLeft" || event.key === "ArrowRight") && !ownsArrows(target)) act.step(event.key === "ArrowLeft" ? -1 : 1);
      else if (event.key === "i" || event.key === "I") act.setLoopStart();
      else if (event.key === "o" || event.key === "O") act.setLoopEnd();
      else if (/^[1-4]$/.test(event.key)) act.focusTake(Number(event.key) - 1);
      else handled = event.key !== " " && !event.key.startsWith("Arrow") && act.other(event);
      if (handled) event.preventDefault();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
