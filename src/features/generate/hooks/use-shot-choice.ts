import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { projectListQueryOptions, projectQueryOptions } from "@/lib/project-queries";
import { NO_SHOT, readShotChoice, writeShotChoice } from "../utils/shot-choice";
import type { ShotChoice } from "../utils/shot-choice";

/**
 * The shot picker's state, remembered per creator. A remembered project or shot that no
 * longer exists reads as none, so a stale choice is never sent.
 */
export function useShotChoice(creator: string) {
  const [stored, setStored] = useState(() => ({ creator, choice: readShotChoice(creator) }));
  // Someone else signed in on this page: show their choice, not the last person's.
  const current = stored.creator === creator ? stored : { creator, choice: readShotChoice(creator) };
  if (current !== stored) setStored(current);

  const projects = useQuery(projectListQueryOptions());
  const project = projects.data?.find((p) => p.id === current.choice.projectId);
  const shots = useQuery({ ...projectQueryOptions(project?.id ?? ""), enabled: project !== undefined, select: (data) => data.shots });
  const shot = project ? shots.data?.find((s) => s.id === current.choice.shotId) : undefined;

  function choose(choice: ShotChoice) {
    writeShotChoice(creator, choice);
    setStored({ creator, choice });
  }

  return {
    projects,
    shots,
    projectId: project?.id ?? null,
    shotId: shot?.id ?? null,
    chooseProject: (projectId: string | null) => choose(projectId ? { projectId, shotId: null } : NO_SHOT),
    chooseShot: (shotId: string | null) => choose({ projectId: project?.id ?? null, shotId }),
    choose,
  };
}

export type ShotChoiceState = ReturnType<typeof useShotChoice>;
