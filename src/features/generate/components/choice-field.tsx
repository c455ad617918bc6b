import { useController } from "react-hook-form";
import type { FormValues } from "../utils/form-values";
import { ChoiceGroup } from "./choice-group";
import type { Choice } from "./choice-group";

type ChoiceName = "ratio" | "duration";

type ChoiceFieldProps<N extends ChoiceName> = { name: N; legend: string; choices: readonly Choice<FormValues[N]>[] };

/** A ChoiceGroup bound to one of the form's fields, with that field's error under it. */
export function ChoiceField<N extends ChoiceName>({ name, legend, choices }: ChoiceFieldProps<N>) {
  const { field, fieldState } = useController<FormValues, N>({ name });
  return <ChoiceGroup legend={legend} name={name} value={field.value} onChange={field.onChange} error={fieldState.error?.message} choices={choices} />;
}
