import type { Take } from "@/shared/take";
import { Button } from "@/components/ui/button";
import { useRerunTake } from "../api/rerun-take";

type RetryButtonProps = { generation: Take; onCreated?: (generation: Take) => void };

/** Only for failures worth another go: the same settings and seed, as a new take. */
export function RetryButton({ generation, onCreated }: RetryButtonProps) {
  const rerun = useRerunTake({ onCreated });
  if (generation.status !== "failed" || !generation.error?.retryable) return null;
  return (
    <>
      <Button size="sm" onClick={() => rerun.mutate({ id: generation.id, seed: "same" })} disabled={rerun.isPending}>
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
