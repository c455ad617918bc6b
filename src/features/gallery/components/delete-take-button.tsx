import { useId, useState } from "react";
import type { Take } from "@/shared/take";
import { isTerminal } from "@/shared/status";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteTake } from "../api/delete-take";
import { describeTake } from "../utils/describe-take";

type DeleteTakeButtonProps = { take: Take; onDeleted?: (id: string) => void; className?: string };

/** Delete, after a confirmation naming the take. Unfinished takes can't go (the server says 409). */
export function DeleteTakeButton({ take, onDeleted, className = "" }: DeleteTakeButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteTake({ onDeleted });
  const hintId = useId();
  const running = !isTerminal(take.status);

  function close() {
    setConfirming(false);
    remove.reset();
  }

  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className={`aria-disabled:cursor-not-allowed aria-disabled:opacity-50 ${className}`}
        aria-disabled={running || undefined}
        aria-describedby={running ? hintId : undefined}
        title={running ? "A take can be deleted once it has finished." : undefined}
        onClick={() => !running && setConfirming(true)}
      >
        Delete
      </Button>
      {running && (
        <span id={hintId} hidden>
          A take can be deleted once it has finished.
        </span>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete the take “${describeTake(take)}”?`}
          confirmLabel="Delete take"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error?.message}
          onCancel={close}
          onConfirm={() => remove.mutate(take.id, { onSuccess: () => setConfirming(false) })}
        >
          The video, its poster and its settings are removed for everyone. This can't be undone.
        </ConfirmDialog>
      )}
    </>
  );
}
