import { useId, useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { DefaultValues, FieldValues, Path } from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { inputClass, labelClass } from "@/components/ui/styles";

export type FormField<Name extends string> = { name: Name; label: string; placeholder?: string; hint?: string };

type FieldsFormProps<In extends FieldValues, Out> = {
  /** The form's accessible name. */
  label: string;
  fields: readonly FormField<Path<In> & string>[];
  schema: z.ZodType<Out, In>;
  defaults: In;
  submitLabel: string;
  pendingLabel: string;
  /** Rejects with the BFF's ApiError: its field messages go to their fields. */
  onSubmit: (values: Out) => Promise<unknown>;
  onCancel?: () => void;
  /** Empty the fields after a success (a form that makes things, not one that edits). */
  clearOnSuccess?: boolean;
  className?: string;
};

/** A small form of text fields: the shared schema checks it, the server's field messages land at their fields. */
export function FieldsForm<In extends FieldValues, Out>(props: FieldsFormProps<In, Out>) {
  const { label, fields, schema, defaults, submitLabel, pendingLabel, onSubmit, onCancel, clearOnSuccess = false, className = "" } = props;
  const id = useId();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(schema), defaultValues: defaults as DefaultValues<In> });
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;

  async function send(values: Out) {
    setFormError(null);
    try {
      await onSubmit(values);
      if (clearOnSuccess) form.reset(defaults);
    } catch (error) {
      const messages = error instanceof ApiError ? error.fields : {};
      const placed = fields.filter((field) => messages[field.name]);
      placed.forEach((field, i) => form.setError(field.name, { type: "server", message: messages[field.name] }, { shouldFocus: i === 0 }));
      if (placed.length === 0) setFormError(error instanceof Error ? error.message : "Something went wrong. Try again.");
    }
  }

  return (
    <form noValidate aria-label={label} className={`space-y-3 ${className}`} onSubmit={(event) => void form.handleSubmit(send)(event)}>
      <div className="grid gap-3 sm:grid-cols-[minmax(8rem,1fr)_2fr]">
        {fields.map((field) => {
          const message = errors[field.name]?.message;
          const inputId = `${id}-${field.name}`;
          return (
            <div key={field.name}>
              <label htmlFor={inputId} className={labelClass}>
                {field.label}
              </label>
              <input
                id={inputId}
                type="text"
                placeholder={field.placeholder}
                className={`${inputClass} mt-1.5`}
                aria-invalid={message ? true : undefined}
                aria-describedby={describedBy(typeof message === "string" && `${inputId}-error`)}
                {...form.register(field.name)}
              />
              <FieldMessage id={`${inputId}-error`} message={typeof message === "string" ? message : undefined} />
            </div>
          );
        })}
      </div>
      {formError && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:bg-red-950/50 dark:text-red-300">
          {formError}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={isSubmitting}>
          {isSubmitting ? pendingLabel : submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
