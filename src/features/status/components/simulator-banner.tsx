import { useQuery } from "@tanstack/react-query";
import { healthQueryOptions } from "@/lib/health-query";

/** Says plainly when videos are local previews rather than Runway output. */
export function SimulatorBanner() {
  const { data } = useQuery(healthQueryOptions());
  if (data?.provider !== "simulator") return null;
  return (
    <div
      role="note"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-center text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200"
    >
      Running on the built-in simulator — no AI/ML API key is set; videos are local previews, not Runway output.
    </div>
  );
}
