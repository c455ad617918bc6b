import type { ReactNode } from "react";
import { inputClass, labelClass } from "@/components/ui/styles";
import type { FilterName } from "../hooks/use-gallery-filters";

type FilterSelectProps = {
  label: string;
  name: FilterName;
  value: string | number | undefined;
  onChange: (name: FilterName, value: string | undefined) => void;
  disabled?: boolean;
  title?: string | undefined;
  children: ReactNode;
};

export function FilterSelect({ label, name, value, onChange, disabled = false, title, children }: FilterSelectProps) {
  const id = `gallery-filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {/* The form has its own "Model" and "Duration": say which one this is. */}
        <span className="sr-only">Filter by</span> {label}
      </label>
      <select
        id={id}
        title={title}
        disabled={disabled}
        className={`${inputClass} mt-1 w-auto max-w-48 disabled:opacity-60`}
        value={value ?? ""}
        onChange={(event) => onChange(name, event.target.value || undefined)}
      >
        {children}
      </select>
    </div>
  );
}

type FilterCheckboxProps = { label: string; title?: string | undefined; checked: boolean; onChange: (checked: boolean) => void };

export function FilterCheckbox({ label, title, checked, onChange }: FilterCheckboxProps) {
  return (
    <label title={title} className="flex h-10 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      <input type="checkbox" className="size-4 accent-accent-600" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
