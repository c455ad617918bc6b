export type CompareLayout = "side-by-side" | "wipe";

const LAYOUTS: { value: CompareLayout; label: string }[] = [
  { value: "side-by-side", label: "Side by side" },
  { value: "wipe", label: "Wipe" },
];

/** Two takes can be seen next to each other or as an A/B wipe over one picture. */
export function ViewToggle({ layout, onChange }: { layout: CompareLayout; onChange: (layout: CompareLayout) => void }) {
  return (
    <div role="group" aria-label="View" className="inline-flex rounded-lg bg-zinc-100 p-0.5 text-sm dark:bg-zinc-800">
      {LAYOUTS.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          aria-pressed={layout === value}
          onClick={() => onChange(value)}
          className={`rounded-md px-3 py-1 font-medium ${layout === value ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-700 dark:text-zinc-100" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
