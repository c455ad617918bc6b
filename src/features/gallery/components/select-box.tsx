/** Picks a take for compare or review; the gallery's selection bar says what can be done with them. */
export function SelectBox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-lg px-2 text-xs text-zinc-600 hover:bg-zinc-100 has-focus-visible:outline-2 has-focus-visible:outline-accent-500 dark:text-zinc-400 dark:hover:bg-zinc-800">
      <input type="checkbox" className="size-4 accent-accent-600" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      Select <span className="sr-only">for compare</span>
    </label>
  );
}
