/** Shared class lists, so every control looks and focuses the same way. */
export const labelClass = "block text-sm font-medium text-zinc-800 dark:text-zinc-200";

export const hintClass = "mt-1 text-xs text-zinc-500 dark:text-zinc-400";

export const inputClass =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 " +
  "focus-visible:border-accent-500 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 " +
  "dark:placeholder:text-zinc-500 dark:aria-invalid:border-red-400";

export const panelClass =
  "rounded-2xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60";

export const linkClass =
  "rounded text-sm font-medium text-accent-700 underline underline-offset-2 hover:text-accent-900 focus-visible:outline-2 " +
  "focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-accent-300 dark:hover:text-accent-100";

/** A data table's header row and body rows (usage, insights, the provider's bill). */
export const tableHeadRowClass = "border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400";

export const tableRowClass = "border-b border-zinc-100 last:border-0 dark:border-zinc-800/60";
