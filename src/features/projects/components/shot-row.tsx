import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import type { Shot } from "@/shared/project";
import { createShotSchema } from "@/shared/project";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteShot } from "../api/delete-shot";
import { useUpdateShot } from "../api/update-shot";
import type { ShotReorder } from "../hooks/use-shot-reorder";
import type { TakeSelection } from "../hooks/use-take-selection";
import { FieldsForm } from "./fields-form";
import { SHOT_FIELDS } from "./shot-fields";
import { ShotTakes } from "./shot-takes";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeCounts({ takes, circled, rejected, notes }: Shot["counts"]): string {
  return [plural(takes, "take"), `${circled} circled`, `${rejected} rejected`, plural(notes, "note")].join(" · ");
}

type ShotRowProps = { shot: Shot; total: number; reorder: ShotReorder; selection: TakeSelection };

/** One shot of the board: its code, description and counts, its takes, and the ways to rename, move and delete it. */
export function ShotRow({ shot, total, reorder, selection }: ShotRowProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateShot();
  const remove = useDeleteShot();
  const headingId = `shot-${shot.id}-heading`;
  const rowRef = useRef<HTMLLIElement>(null);
  const moved = reorder.lastMove?.id === shot.id ? reorder.lastMove.via : null;

  // A moved row is put back in the DOM, which drops focus: return it to the button that moved
  // it while that still can (not "up" at the top), else to the row, where Alt+↑/↓ go on working.
  useEffect(() => {
    if (moved === null || moved === "drag") return;
    const button = rowRef.current?.querySelector<HTMLButtonElement>(`[data-move="${moved}"]`);
    (button && !button.disabled ? button : rowRef.current)?.focus();
  }, [moved, shot.order]);

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    reorder.moveBy(shot, event.key === "ArrowUp" ? -1 : 1, "row");
  }

  return (
    <li
      ref={rowRef}
      aria-labelledby={headingId}
      // The row takes focus after a keyboard move, so Alt+↑/↓ keeps working on it.
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        reorder.drag.dropOn(shot);
      }}
      className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-4 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <div className="flex flex-wrap items-start gap-3">
        <span
          draggable
          onDragStart={(event) => {
            event.dataTransfer?.setData("text/plain", shot.code);
            reorder.drag.start(shot);
          }}
          onDragEnd={reorder.drag.end}
          title={`Drag ${shot.code} to another place (or use Move up / Move down)`}
          aria-hidden="true"
          className="cursor-grab px-1 text-lg leading-6 text-zinc-400 select-none"
        >
          ⠿
        </span>
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="text-base font-semibold">
            {shot.code}
          </h3>
          {shot.description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{shot.description}</p>}
          <p className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{describeCounts(shot.counts)}</p>
        </div>
        <div className="flex flex-wrap gap-1">
          <Button size="sm" variant="ghost" data-move="up" disabled={shot.order <= 1} onClick={() => reorder.moveBy(shot, -1, "up")}>
            Move up <span className="sr-only">{shot.code}</span>
          </Button>
          <Button size="sm" variant="ghost" data-move="down" disabled={shot.order >= total} onClick={() => reorder.moveBy(shot, 1, "down")}>
            Move down <span className="sr-only">{shot.code}</span>
          </Button>
          <Button size="sm" aria-label={`Rename ${shot.code}`} onClick={() => setEditing(true)}>
            Rename
          </Button>
          <Button size="sm" aria-label={`Delete ${shot.code}`} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
      </div>
      {editing && (
        <FieldsForm
          label={`Rename ${shot.code}`}
          fields={SHOT_FIELDS}
          schema={createShotSchema}
          defaults={{ code: shot.code, description: shot.description ?? "" }}
          submitLabel="Save"
          pendingLabel="Saving…"
          onSubmit={async (values) => {
            await update.mutateAsync({ id: shot.id, projectId: shot.projectId, code: values.code, description: values.description ?? null });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <ShotTakes shot={shot} selection={selection} />
      {confirming && (
        <ConfirmDialog
          title={`Delete the shot ${shot.code}?`}
          confirmLabel="Delete shot"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error?.message}
          onConfirm={() => remove.mutate({ id: shot.id, projectId: shot.projectId }, { onSuccess: () => setConfirming(false) })}
          onCancel={() => {
            setConfirming(false);
            remove.reset();
          }}
        >
          A shot that still holds takes is not deleted.
        </ConfirmDialog>
      )}
    </li>
  );
}
