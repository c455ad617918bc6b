import { takeTitle } from "../utils/take-title";
import type { TakeSlot } from "./take-slot";

type TakeBarProps = Omit<TakeSlot, "extras">;

const chip = "inline-flex h-7 shrink-0 items-center gap-1 rounded-md border px-2 text-xs font-medium";
const on = "border-accent-500 bg-accent-50 text-accent-900 dark:border-accent-400 dark:bg-accent-900/40 dark:text-accent-100";
const off = "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800";

/** A take's name with its own switches: focus (the take review keys act on) and mute. */
export function TakeBar({ take, index, focused, muted, onFocus, onToggleMute }: TakeBarProps) {
  const number = index + 1;
  return (
    <div className="flex min-w-0 items-center gap-2">
      <button
        type="button"
        aria-pressed={focused}
        aria-label={`Focus take ${number}`}
        onClick={onFocus}
        title={`Focus take ${number} (key ${number})`}
        className={`${chip} ${focused ? on : off}`}
      >
        Take {number}
      </button>
      <p className="min-w-0 flex-1 truncate text-xs text-zinc-600 dark:text-zinc-400" title={takeTitle(take)}>
        {takeTitle(take)}
      </p>
      <button type="button" aria-pressed={muted} aria-label={`Mute take ${number}`} onClick={onToggleMute} className={`${chip} ${muted ? on : off}`}>
        Mute
      </button>
    </div>
  );
}
