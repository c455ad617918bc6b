import { useEffect, useEffectEvent, useId, useRef } from "react";
import type { KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import type { Upload } from "@/shared/api";
import { Button } from "@/components/ui/button";
import { panelClass } from "@/components/ui/styles";
import { FrameLibraryGrid } from "./frame-library-grid";

type FrameLibraryDialogProps = { label: string; onPick: (upload: Upload) => void; onClose: () => void };

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A modal over the page: focus moves in, stays in, and returns to the opener when it closes. */
export function FrameLibraryDialog({ label, onPick, onClose }: FrameLibraryDialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  // Escape closes even when focus has fallen to the page (a clicked backdrop, a button that went away).
  const onDocumentKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.focus();
    document.addEventListener("keydown", onDocumentKey);
    return () => {
      document.removeEventListener("keydown", onDocumentKey);
      opener?.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Tab") keepFocusInside(event, dialogRef.current);
  }

  return createPortal(
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-zinc-950/50 p-4 backdrop-blur-[2px]"
      onKeyDown={onKeyDown}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`${panelClass} flex max-h-[85dvh] w-full max-w-2xl flex-col outline-none dark:bg-zinc-900`}
      >
        <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
          <h2 id={titleId} className="text-base font-semibold">
            Image library
          </h2>
          <Button size="sm" variant="ghost" onClick={onClose}>
            Close
          </Button>
        </div>
        <div className="overflow-y-auto p-5">
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Every image uploaded to the studio, newest first. Pick one for the {label.toLowerCase()}: nothing is uploaded again.
          </p>
          <FrameLibraryGrid onPick={onPick} />
        </div>
      </div>
    </div>,
    document.body,
  );
}

function keepFocusInside(event: KeyboardEvent, container: HTMLElement | null) {
  if (!container) return;
  const focusable = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = document.activeElement;
  if (!first || !last) {
    event.preventDefault();
  } else if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
