import { useEffect, useRef } from "react";
import type { KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { REVIEW_KEYS } from "../utils/review-keys";

/** The review keys, in a modal that Esc or its one button closes (focus goes back where it was). */
export function KeysDialog({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    return () => opener?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" || event.key === "?") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === "Tab") {
      // One control inside: Tab stays on it.
      event.preventDefault();
    }
  }

  return createPortal(
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/70 p-4" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby="review-keys-title" onKeyDown={onKeyDown} className="w-full max-w-lg space-y-4 rounded-2xl border border-zinc-700 bg-zinc-900 p-5 text-zinc-100 shadow-lg">
        <h2 id="review-keys-title" className="text-base font-semibold">
          Review keys
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {REVIEW_KEYS.map(({ keys, does }) => (
            <div key={does} className="contents">
              <dt className="flex gap-1">
                {keys.map((key) => (
                  <kbd key={key} className="rounded border border-zinc-600 bg-zinc-800 px-1.5 font-mono text-xs">
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-zinc-300">{does}</dd>
            </div>
          ))}
        </dl>
        <div className="flex justify-end">
          <button ref={close} type="button" onClick={onClose} className="h-9 rounded-lg bg-zinc-100 px-4 text-sm font-medium text-zinc-900 hover:bg-white">
            Close
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
