import type { Generation } from "@/shared/generation";
import { Button } from "@/components/ui/button";
import { useRerunGeneration } from "../api/rerun-generation";

type RetryButtonProps = { generation: Generation; onCreated?: (generation: Generation) => void };

/** Only for failures worth another go: the same settings and seed, as a new take. */
export function RetryButton({ generation, onCreated }: RetryButtonProps) {
  const rerun = useRerunGeneration({ onCreated });
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
