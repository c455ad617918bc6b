import type { ReactNode } from "react";
import { useParams } from "react-router";
import { ShotBoard } from "@/features/projects/components/shot-board";
import type { ProjectDetail } from "@/shared/project";

/**
 * reelSlot: the project's reel, under its shots. At merge the lead returns
 * `<ReelPanel projectId={project.id} shots={project.shots} />` (src/features/reel) here.
 */
function reelSlot(_project: ProjectDetail): ReactNode {
  return null;
}

/** `/p/:projectId`: the shot board of one project. */
export function ProjectBoardRoute() {
  const { projectId = "" } = useParams();
  return <ShotBoard key={projectId} projectId={projectId} footer={reelSlot} />;
}
