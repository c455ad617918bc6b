import { useEffect, useRef, useState } from "react";
import type { Take } from "@/shared/take";
import type { ReviewAction } from "../utils/review-keys";
import { KeysDialog } from "./keys-dialog";
import { ReviewStage } from "./review-stage";

type ReviewModeProps = {
  takes: readonly Take[];
  /** The BFF's copy of a take after a change, for the caches of whoever else shows it. */
  onTakeChanged?: ((take: Take) => void) | undefined;
  onNotesChanged?: (() => void) | undefined;
  onLeave: () => void;
  /** What the reviewer should know about the list (takes not found, a list cut short). */
  notice?: string | undefined;
};

const barButton = "inline-flex h-8 items-center rounded-lg border border-zinc-700 px-3 text-sm text-zinc-100 hover:bg-zinc-800 disabled:opacity-50";

/** A full-window player going through a list of takes, one at a time, from the keyboard. */
export function ReviewMode({ takes: listed, onTakeChanged, onNotesChanged, onLeave, notice }: ReviewModeProps) {
  const [index, setIndex] = useState(0);
  // The session's own copy of each change: the list it opened with stays as it was.
  const [changed, setChanged] = useState<Record<string, Take>>({});
  const [announcement, setAnnouncement] = useState("");
  const [keysOpen, setKeysOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const takes = listed.map((take) => changed[take.id] ?? take);
  const take = takes[index];
  const position = (at: number) => `take ${at + 1} of ${takes.length}`;

  useEffect(() => main.current?.focus(), []);

  function keep(next: Take) {
    setChanged((all) => ({ ...all, [next.id]: next }));
    onTakeChanged?.(next);
  }
  function goTo(at: number) {
    const target = takes[at];
    if (!target || at === index) return;
    setIndex(at);
    setAnnouncement(`Take ${at + 1} of ${takes.length}: ${target.prompt || "untitled"}`);
  }
  function nextUnreviewed() {
    const order = [...takes.keys()].map((i) => (index + 1 + i) % takes.length);
    const found = order.find((at) => at !== index && takes[at]?.review.state === "unreviewed");
    if (found === undefined) setAnnouncement("No unreviewed takes left.");
    else goTo(found);
  }
  const sessionActions: Partial<Record<ReviewAction, () => void>> = {
    previousTake: () => goTo(index - 1),
    nextTake: () => goTo(index + 1),
    nextUnreviewed,
    keys: () => setKeysOpen(true),
    leave: onLeave,
  };

  if (!take) return null;
  return (
    <main ref={main} tabIndex={-1} aria-label="Review" className="fixed inset-0 z-40 flex flex-col overflow-y-auto bg-zinc-950 text-zinc-100 outline-none">
      <div className="flex flex-wrap items-center gap-2 px-4 py-3">
        <h1 className="mr-auto min-w-0 truncate text-sm font-semibold">
          <span className="tabular-nums">Take {index + 1} of {takes.length}</span>
          <span className="font-normal text-zinc-300"> · {take.prompt || "Untitled take"}</span>
        </h1>
        <button type="button" className={barButton} disabled={index === 0} onClick={() => goTo(index - 1)}>
          ↑ Previous take
        </button>
        <button type="button" className={barButton} disabled={index === takes.length - 1} onClick={() => goTo(index + 1)}>
          ↓ Next take
        </button>
        <button type="button" className={barButton} onClick={nextUnreviewed}>
          Next unreviewed (U)
        </button>
        <button type="button" className={barButton} aria-haspopup="dialog" onClick={() => setKeysOpen(true)}>
          Keys (?)
        </button>
        <button type="button" className={barButton} onClick={onLeave}>
          Leave review (Esc)
        </button>
      </div>
      <ReviewStage
        key={take.id}
        take={take}
        position={position(index)}
        keysEnabled={!keysOpen}
        onChanged={keep}
        onNotesChanged={onNotesChanged}
        announce={setAnnouncement}
        onSessionAction={(action) => sessionActions[action]?.()}
      />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {notice && (
        <p role="note" className="mx-4 mb-4 rounded-lg bg-zinc-800 px-3 py-2 text-xs text-zinc-100">
          {notice}
        </p>
      )}
      {keysOpen && <KeysDialog onClose={() => setKeysOpen(false)} />}
    </main>
  );
}
