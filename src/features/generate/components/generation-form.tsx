import { useRef, useState } from "react";
import type { FormEvent } from "react";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useIsMutating } from "@tanstack/react-query";
import { createGenerationSchema } from "@/shared/generation";
import type { CreateGenerationRequest, Generation } from "@/shared/generation";
import type { ModelCapability } from "@/shared/models";
import { ApiError } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { useCreateGeneration } from "../api/create-generation";
import { generateKeys } from "../api/keys";
import { ChoiceGroup } from "./choice-group";
import { FrameField } from "./frame-field";
import { ModelField } from "./model-field";
import { PromptField } from "./prompt-field";
import { SeedField } from "./seed-field";
import { applyServerFieldErrors, defaultValues, toRequestBody } from "./form-values";
import type { FormValues } from "./form-values";

type GenerationFormProps = {
  models: readonly [ModelCapability, ...ModelCapability[]];
  onCreated?: (generation: Generation) => void;
};

export function GenerationForm({ models, onCreated }: GenerationFormProps) {
  const form = useForm<FormValues, unknown, CreateGenerationRequest>({
    resolver: zodResolver(createGenerationSchema),
    defaultValues: defaultValues(models[0]),
  });
  const create = useCreateGeneration({ onCreated });
  const uploading = useIsMutating({ mutationKey: generateKeys.upload() }) > 0;
  const [formError, setFormError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  // A second click can land before React re-renders the disabled button.
  const inFlight = useRef(false);

  const modelId = useWatch({ control: form.control, name: "model" });
  const model = models.find((m) => m.id === modelId) ?? models[0];
  const submitting = form.formState.isSubmitting || create.isPending;

  async function send(values: CreateGenerationRequest) {
    setFormError(null);
    setQueued(false);
    try {
      await create.mutateAsync(toRequestBody(values, model));
      setQueued(true);
    } catch (error) {
      const unmatched = error instanceof ApiError ? applyServerFieldErrors(error.fields, form.setError) : [];
      const hasFieldErrors = error instanceof ApiError && Object.keys(error.fields).length > unmatched.length;
      if (!hasFieldErrors) setFormError(error instanceof Error ? error.message : "Something went wrong. Try again.");
      else if (unmatched.length > 0) setFormError(unmatched.join(" "));
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    void form.handleSubmit(send)(event).finally(() => {
      inFlight.current = false;
    });
  }

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} aria-label="New take" className="space-y-6">
        <ModelField models={models} current={model} />
        <FrameField name="image" label="First frame" />
        {model.acceptsLastImage && <FrameField name="lastImage" label="Last frame" optional />}
        <PromptField model={model} />
        <div className="grid gap-6 sm:grid-cols-[1fr_auto]">
          <Controller
            name="ratio"
            control={form.control}
            render={({ field, fieldState }) => (
              <ChoiceGroup
                legend="Aspect ratio"
                name="ratio"
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                choices={model.ratios.map((ratio) => {
                  const size = model.outputSizes[ratio];
                  return { value: ratio, label: ratio, ...(size ? { hint: `${size.width}×${size.height}` } : {}) };
                })}
              />
            )}
          />
          <Controller
            name="duration"
            control={form.control}
            render={({ field, fieldState }) => (
              <ChoiceGroup
                legend="Duration"
                name="duration"
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                choices={model.durations.map((d) => ({ value: d, label: `${d} s` }))}
              />
            )}
          />
        </div>
        <SeedField />

        <div className="space-y-3 border-t border-zinc-200 pt-5 dark:border-zinc-800">
          {formError && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-300">
              {formError}
            </p>
          )}
          <p role="status" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-400">
            {queued && !submitting ? "Take queued — it appears in the gallery as it renders." : ""}
          </p>
          <Button type="submit" variant="primary" className="w-full" disabled={submitting || uploading}>
            {submitting ? "Submitting…" : uploading ? "Waiting for upload…" : "Generate"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
