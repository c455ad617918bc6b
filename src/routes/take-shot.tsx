import { useQuery, useQueryClient } from "@tanstack/react-query";
import { takeQueryOptions } from "@/features/gallery/api/get-take";
import { takeKeys } from "@/features/gallery/api/keys";
import { TakeShotSelect } from "@/features/projects/components/take-shot-select";

/** The take page's "Shot" control: reads the take its page already loaded and hands a move back to it. */
export function TakeShotField({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const { data: take } = useQuery({ ...takeQueryOptions(id), enabled: false });
  if (!take) return null;
  return (
    <section aria-label="Shot of this take" className="mt-6 max-w-xl">
      <TakeShotSelect
        key={take.id}
        take={take}
        onMoved={(moved) => {
          queryClient.setQueryData(takeKeys.detail(moved.id), moved);
          void queryClient.invalidateQueries({ queryKey: takeKeys.lists() });
        }}
      />
    </section>
  );
}
