import { useId } from "react";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { labelClass } from "@/components/ui/styles";

export type Choice<T extends string | number> = { value: T; label: string; hint?: string };

type ChoiceGroupProps<T extends string | number> = {
  legend: string;
  name: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  error?: string | undefined;
};

/** A row of native radios styled as segments: arrow keys move between them. */
export function ChoiceGroup<T extends string | number>({ legend, name, choices, value, onChange, error }: ChoiceGroupProps<T>) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset aria-describedby={describedBy(error && errorId)} aria-invalid={error ? true : undefined}>
      <legend className={labelClass}>{legend}</legend>
      <div className="mt-1.5 flex flex-wrap gap-2">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="relative flex min-w-16 cursor-pointer flex-col items-center rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm text-zinc-700 transition-colors has-checked:border-accent-500 has-checked:bg-accent-50 has-checked:text-accent-900 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-500 hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:has-checked:border-accent-400 dark:has-checked:bg-accent-900/40 dark:has-checked:text-accent-100"
          >
            <input
              type="radio"
              className="sr-only"
              name={name}
              value={String(choice.value)}
              checked={choice.value === value}
              onChange={() => onChange(choice.value)}
            />
            <span className="font-medium">{choice.label}</span>
            {choice.hint && <span className="text-[11px] text-zinc-600 dark:text-zinc-400">{choice.hint}</span>}
          </label>
        ))}
      </div>
      <FieldMessage id={errorId} message={error} />
    </fieldset>
  );
}
