import { useEffect } from "react";
import type { ReactNode } from "react";
import { matchMutation, useQueryClient } from "@tanstack/react-query";
import { useParams } from "react-router";
import { generateKeys } from "@/features/generate/api/keys";
import { projectKeys } from "@/features/projects/api/keys";
import { ShotBoard } from "@/features/projects/components/shot-board";
import { ReelPanel } from "@/features/reel/components/reel-panel";
import type { ProjectDetail } from "@/shared/project";

/** The project's reel, under its shots. */
function reelSlot(project: ProjectDetail): ReactNode {
  return <ReelPanel projectId={project.id} shots={project.shots} />;
}

/** Takes made in the form (beside the board) into one of its shots show at once, not at the next refresh. */
function useBoardFollowsTheForm() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== "updated" || event.action.type !== "success") return;
        if (matchMutation({ mutationKey: generateKeys.create() }, event.mutation)) void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      }),
    [queryClient],
  );
}

/** `/p/:projectId`: the shot board of one project. */
export function ProjectBoardRoute() {
  const { projectId = "" } = useParams();
  useBoardFollowsTheForm();
  return <ShotBoard key={projectId} projectId={projectId} footer={reelSlot} />;
}
