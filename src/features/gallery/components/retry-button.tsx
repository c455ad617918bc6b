import type { Take } from "@/shared/take";
import { Button } from "@/components/ui/button";
import { useRerunTake } from "../api/rerun-take";

type RetryButtonProps = { take: Take; onCreated?: (take: Take) => void };

/** Only for failures worth another go: the same settings and seed, as a new take. */
export function RetryButton({ take, onCreated }: RetryButtonProps) {
  const rerun = useRerunTake({ onCreated });
  if (take.status !== "failed" || !take.error?.retryable) return null;
  return (
    <>
      <Button size="sm" onClick={() => rerun.mutate({ id: take.id, seed: "same" })} disabled={rerun.isPending}>
        {rerun.isPending ? "Retrying…" : "Retry"}
      </Button>
      {rerun.isError && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {rerun.error.message}
        </span>
      )}
    </>
  );
}
