import type { Project, ProjectDetail, Shot } from "../../shared/project";
import type { ProjectRecord, ShotRecord } from "./project";
import { iso } from "../iso-time";

/** The one mapper from a project to what goes on the wire (`Project` in src/shared/project.ts). */
export function wireProject(project: ProjectRecord): Project {
  return { id: project.id, name: project.name, description: project.description, createdAt: iso(project.createdAt), createdBy: project.createdBy };
}

export function wireShot(shot: ShotRecord): Shot {
  return {
    id: shot.id,
    projectId: shot.projectId,
    code: shot.code,
    description: shot.description,
    order: shot.order,
    counts: { ...shot.counts },
    circledTakeId: shot.circledTakeId,
    createdAt: iso(shot.createdAt),
  };
}

export function wireProjectDetail(project: ProjectRecord, shots: readonly ShotRecord[]): ProjectDetail {
  return { ...wireProject(project), shots: shots.map(wireShot) };
}
