import { Link, useParams } from "react-router";
import { linkClass } from "@/components/ui/styles";
import { SessionPlayer } from "@/features/reel/components/session-player";

/** `/p/:projectId/session`: the dailies session, the project's reel with its notes. Loaded on demand (React.lazy). */
export function DailiesSessionRoute() {
  const { projectId = "" } = useParams();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-xl font-semibold text-zinc-900 dark:text-zinc-100">Dailies session</h2>
        <Link to={`/p/${encodeURIComponent(projectId)}`} className={linkClass}>
          Back to the shot board
        </Link>
      </div>
      <SessionPlayer key={projectId} projectId={projectId} />
    </div>
  );
}
