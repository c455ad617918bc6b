import { useId, useState } from "react";
import type { KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/styles";
import { NOTE_TEXT_MAX } from "@/shared/note";
import type { PinDraft } from "../hooks/use-pin-draft";
import { pointLabel } from "../utils/note-words";

type NoteBoxProps = {
  /** The box's accessible name: "Note at 1.25 s (frame 30)". */
  label: string;
  initialText?: string;
  saveLabel?: string;
  pending: boolean;
  error: string | null;
  onSave: (text: string) => void;
  onCancel: () => void;
  /** Offers to pin the note to a point of the picture. */
  pin?: PinDraft | undefined;
  tone?: "page" | "dark";
};

/** A small text box for a note: Enter saves, Shift+Enter starts a new line, Esc cancels. */
export function NoteBox({ label, initialText = "", saveLabel = "Save note", pending, error, onSave, onCancel, pin, tone = "page" }: NoteBoxProps) {
  const [text, setText] = useState(initialText);
  const errorId = useId();

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      if (!pending) onSave(text);
    }
  }

  return (
    <div className="space-y-2">
      <textarea
        // The box opens because someone asked to write: typing starts at once.
        autoFocus
        aria-label={label}
        placeholder={label}
        rows={2}
        maxLength={NOTE_TEXT_MAX}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`${inputClass} ${tone === "dark" ? "dark:bg-zinc-900" : ""}`}
      />
      {error && (
        <p id={errorId} role="alert" className={`text-sm ${tone === "dark" ? "text-red-300" : "text-red-700 dark:text-red-400"}`}>
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="primary" disabled={pending} onClick={() => onSave(text)}>
          {pending ? "Saving…" : saveLabel}
        </Button>
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
        {pin &&
          (pin.point ? (
            <>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">Pinned at {pointLabel(pin.point)}</span>
              <Button size="sm" variant="ghost" onClick={pin.clear}>
                Remove pin
              </Button>
            </>
          ) : (
            <Button size="sm" variant="ghost" aria-pressed={pin.picking} onClick={pin.picking ? pin.clear : pin.startPicking}>
              {pin.picking ? "Click the picture… (cancel)" : "Pin to a point on the picture"}
            </Button>
          ))}
      </div>
    </div>
  );
}
