import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { FormEvent } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { useIsMutating, useQueryClient } from "@tanstack/react-query";
import type { CreateTakeRequest, Take } from "@/shared/take";
import type { ListedModel } from "@/shared/models";
import { ApiError } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { useCreateTakes } from "../api/create-takes";
import { rememberUpload } from "../api/get-upload";
import { generateKeys } from "../api/keys";
import { ChoiceField } from "./choice-field";
import { CostEstimate } from "./cost-estimate";
import { FramePair } from "./frame-pair";
import { createTakeResolver } from "../utils/frame-resolver";
import { ModelField } from "./model-field";
import { PromptField } from "./prompt-field";
import { SeedField } from "./seed-field";
import { ShotPicker } from "./shot-picker";
import { useShotChoice } from "../hooks/use-shot-choice";
import { NO_SHOT } from "../utils/shot-choice";
import { TakesField } from "./takes-field";
import { applyServerFieldErrors, defaultValues, toRequestBody } from "../utils/form-values";
import type { FormValues } from "../utils/form-values";
import type { FormDraft } from "../utils/form-draft";
import { createUrlChecks } from "../utils/url-checks";

type TakeFormProps = {
  models: readonly [ListedModel, ...ListedModel[]];
  /** Settings another page asked to load (see FormDraft); applied once per draft id. */
  draft?: FormDraft | null | undefined;
  onCreated?: (takes: Take[]) => void;
  /** Who is making takes: the shot picker remembers each person's choice. */
  creator: string;
};

export function TakeForm({ models, draft = null, onCreated, creator }: TakeFormProps) {
  // Each form keeps what its pasted addresses' images showed, for its own resolver only.
  const [{ urlChecks, resolver }] = useState(() => {
    const checks = createUrlChecks();
    return { urlChecks: checks, resolver: createTakeResolver(checks) };
  });
  const form = useForm<FormValues, unknown, CreateTakeRequest>({
    resolver,
    defaultValues: defaultValues(models[0]),
  });
  const queryClient = useQueryClient();
  const create = useCreateTakes({ onCreated });
  const shotChoice = useShotChoice(creator);
  const uploading = useIsMutating({ mutationKey: generateKeys.upload() }) > 0;
  const [variations, setVariations] = useState(1);
  const [formError, setFormError] = useState<string | null>(null);
  const [queued, setQueued] = useState<number | null>(null);
  // A second click can land before React re-renders the disabled button.
  const inFlight = useRef(false);

  const modelId = useWatch({ control: form.control, name: "model" });
  const model = models.find((m) => m.id === modelId) ?? models[0];
  const submitting = form.formState.isSubmitting || create.isPending;

  // The draft is a request from outside React Hook Form's store; hand it over once per draft id.
  const applyDraft = useEffectEvent(() => {
    if (!draft) return;
    if (draft.kind === "take") {
      // The seed starts random: the take's seed is only offered (SeedField).
      form.reset({ ...draft.values, seed: undefined });
      shotChoice.choose(draft.shot ?? NO_SHOT);
    } else {
      rememberUpload(queryClient, draft.upload);
      form.setValue("image", { uploadId: draft.upload.id }, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    }
  });
  const draftId = draft?.id;
  useEffect(() => {
    if (draftId) applyDraft();
  }, [draftId]);

  async function send(values: CreateTakeRequest) {
    setFormError(null);
    setQueued(null);
    try {
      const { items } = await create.mutateAsync(toRequestBody(values, model, variations, shotChoice.shotId));
      setQueued(items.length);
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
        {draft && (
          <p role="status" className="rounded-lg bg-accent-50 px-3 py-2 text-sm text-accent-900 dark:bg-accent-900/40 dark:text-accent-100">
            {draft.kind === "take"
              ? `Loaded the settings of “${draft.source.label}”. The seed is random until you choose the take's.`
              : `The last frame of “${draft.source.label}” is now the first frame.`}
          </p>
        )}
        <ShotPicker picker={shotChoice} />
        <ModelField models={models} current={model} />
        <FramePair model={model} urlChecks={urlChecks} />
        <PromptField model={model} />
        <div className="grid gap-6 sm:grid-cols-[1fr_auto]">
          <ChoiceField
            name="ratio"
            legend="Aspect ratio"
            choices={model.ratios.map((ratio) => {
              const size = model.outputSizes[ratio];
              return { value: ratio, label: ratio, ...(size ? { hint: `${size.width}×${size.height}` } : {}) };
            })}
          />
          <ChoiceField name="duration" legend="Duration" choices={model.durations.map((d) => ({ value: d, label: `${d} s` }))} />
        </div>
        <SeedField offeredSeed={draft?.kind === "take" ? draft.seed : null} />
        <TakesField value={variations} onChange={setVariations} />

        <div className="space-y-3 border-t border-zinc-200 pt-5 dark:border-zinc-800">
          {formError && (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
              {formError}
            </p>
          )}
          <p role="status" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-400">
            {queued !== null && !submitting
              ? queued === 1
                ? "Take queued — it appears in the gallery as it renders."
                : `${queued} takes queued — they appear in the gallery as they render.`
              : ""}
          </p>
          <CostEstimate variations={variations} />
          <Button type="submit" variant="primary" className="w-full" disabled={submitting || uploading}>
            {submitting ? "Submitting…" : uploading ? "Waiting for upload…" : "Generate"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
