import { expect } from "vitest";
import { projectDetailSchema, shotSchema, type Shot } from "../../shared/project";

type Send = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> & { id: string } }>;

/** The steps project tests take over HTTP: a project, a shot in it, its shots in order. */
export function projectSteps(send: Send) {
  async function newProject(name = "Harbour spot"): Promise<string> {
    const made = await send("POST", "/api/projects", { name });
    expect(made.status).toBe(201);
    return made.body.id;
  }
  async function newShot(projectId: string, code: string, extra: Record<string, unknown> = {}): Promise<Shot> {
    const made = await send("POST", `/api/projects/${projectId}/shots`, { code, ...extra });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return shotSchema.parse(made.body);
  }
  const shotsOf = async (projectId: string) => projectDetailSchema.parse((await send("GET", `/api/projects/${projectId}`)).body).shots;
  const codesInOrder = async (projectId: string) => (await shotsOf(projectId)).map((s) => `${s.order}:${s.code}`);
  return { newProject, newShot, shotsOf, codesInOrder };
}
