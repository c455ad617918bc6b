import { useQuery } from "@tanstack/react-query";
import type { Generation } from "@/shared/generation";
import { modelsQueryOptions } from "../api/get-models";
import type { FormDraft } from "./form-draft";
import { GenerationForm } from "./generation-form";
import { LoadFailed, LoadingNote } from "@/components/ui/query-state";

type GenerationPanelProps = {
  /** Settings to load into the form, owned by the route (see FormDraft). */
  draft?: FormDraft | null | undefined;
  onCreated?: (generations: Generation[]) => void;
};

/** Loads the model capabilities, then builds the form from them. */
export function GenerationPanel({ draft, onCreated }: GenerationPanelProps) {
  const models = useQuery(modelsQueryOptions());

  if (models.isPending) return <LoadingNote>Loading models…</LoadingNote>;
  if (models.isError) {
    return <LoadFailed what="the models" error={models.error} onRetry={models.refetch} />;
  }
  const [first, ...rest] = models.data;
  if (!first) return <p role="alert">The server offers no models right now.</p>;
  return <GenerationForm models={[first, ...rest]} draft={draft} onCreated={onCreated} />;
}
