import type { ReactNode } from "react";
import { Button } from "./button";

/** While a query loads: a quiet line that screen readers hear. */
export function LoadingNote({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
      {children}
    </p>
  );
}

const plain = "space-y-3 text-sm text-red-800 dark:text-red-300";
const boxed = "space-y-3 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300";

/** When a query fails: what couldn't be loaded, why, and a way to try again. */
export function LoadFailed({ what, error, onRetry, box = false }: { what: string; error: Error; onRetry: () => unknown; box?: boolean }) {
  return (
    <div role="alert" className={box ? boxed : plain}>
      <p>
        Couldn't load {what}: {error.message}
      </p>
      <Button size="sm" onClick={() => void onRetry()}>
        Try again
      </Button>
    </div>
  );
}
