import type { Take } from "@/shared/take";

/** The plain sentence first; the provider's raw words behind a disclosure for whoever debugs it. */
export function TakeError({ error }: { error: NonNullable<Take["error"]> }) {
  return (
    <section aria-labelledby="take-error" className="space-y-2 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
      <h3 id="take-error" className="font-semibold">
        Why it failed
      </h3>
      <p>{error.message}</p>
      {error.detail && (
        <details>
          <summary className="cursor-pointer font-medium">Provider detail</summary>
          <pre className="mt-2 overflow-x-auto rounded-md bg-white/70 p-2 text-xs whitespace-pre-wrap dark:bg-zinc-950/60">{error.detail}</pre>
        </details>
      )}
      <p className="text-xs text-red-800/80 dark:text-red-300/80">
        Code <code>{error.code}</code> · {error.retryable ? "trying again may work" : "the same settings will fail again"}
      </p>
    </section>
  );
}
