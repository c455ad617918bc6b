import { useFormContext } from "react-hook-form";
import type { ListedModel } from "@/shared/models";
import { useCompletionTimes } from "@/hooks/use-completion-times";
import { FieldMessage, describedBy } from "@/components/ui/field-message";
import { hintClass, inputClass, labelClass } from "@/components/ui/styles";
import type { FormValues } from "../utils/form-values";

type ModelFieldProps = { models: readonly ListedModel[]; current: ListedModel };

export function ModelField({ models, current }: ModelFieldProps) {
  const { register, getValues, setValue, trigger, formState, watch } = useFormContext<FormValues>();
  const error = formState.errors.model?.message;
  const duration = watch("duration");
  const times = useCompletionTimes()({ model: current.id, duration });
  const readyIn = times
    ? `Here, a ${duration} s take has usually been ready in about ${Math.round(times.quantile(0.5) / 1000)} s (${times.samples} takes timed).`
    : "No takes of this kind timed here yet.";

  // Keep the other choices valid for the new model in the same event, not in an effect.
  function adaptToModel(id: string) {
    const next = models.find((m) => m.id === id);
    if (!next) return;
    if (!next.ratios.includes(getValues("ratio"))) setValue("ratio", next.defaultRatio);
    if (!next.durations.includes(getValues("duration"))) setValue("duration", next.durations[0] ?? 5);
    if (formState.isSubmitted) void trigger();
  }

  return (
    <div>
      <label htmlFor="model" className={labelClass}>
        Model
      </label>
      <select
        id="model"
        className={`${inputClass} mt-1.5`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy("model-hint", error && "model-error")}
        {...register("model", { onChange: (event: { target: { value: string } }) => adaptToModel(event.target.value) })}
      >
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.availability.state === "unavailable" ? `${model.label} (unavailable)` : model.availability.state === "deprecated" ? `${model.label} (retiring)` : model.label}
          </option>
        ))}
      </select>
      <p id="model-hint" className={hintClass}>
        {current.description} {readyIn}
      </p>
      {current.availability.state !== "available" && current.availability.reason && (
        <p
          role={current.availability.state === "unavailable" ? "alert" : undefined}
          className="mt-1.5 rounded-md bg-amber-50 px-2.5 py-1.5 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
        >
          {current.availability.reason}
        </p>
      )}
      <FieldMessage id="model-error" message={error} />
    </div>
  );
}
