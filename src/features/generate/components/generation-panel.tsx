import { useQuery } from "@tanstack/react-query";
import type { Generation } from "@/shared/generation";
import { Button } from "@/components/ui/button";
import { modelsQueryOptions } from "../api/get-models";
import type { FormDraft } from "./form-draft";
import { GenerationForm } from "./generation-form";

type GenerationPanelProps = {
  /** Settings to load into the form, owned by the route (see FormDraft). */
  draft?: FormDraft | null | undefined;
  onCreated?: (generations: Generation[]) => void;
};

/** Loads the model capabilities, then builds the form from them. */
export function GenerationPanel({ draft, onCreated }: GenerationPanelProps) {
  const models = useQuery(modelsQueryOptions());

  if (models.isPending) {
    return (
      <p role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
        Loading models…
      </p>
    );
  }
  if (models.isError) {
    return (
      <div role="alert" className="space-y-3 text-sm text-red-800 dark:text-red-300">
        <p>Couldn't load the models: {models.error.message}</p>
        <Button size="sm" onClick={() => void models.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const [first, ...rest] = models.data;
  if (!first) return <p role="alert">The server offers no models right now.</p>;
  return <GenerationForm models={[first, ...rest]} draft={draft} onCreated={onCreated} />;
}
