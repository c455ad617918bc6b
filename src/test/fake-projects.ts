import type { ProjectDetail, Shot } from "@/shared/project";
import type { Take } from "@/shared/take";
import { apiError, json } from "./fake-bff";
import type { FakeHandler, FakeRequest } from "./fake-bff";

export type FakeStudio = { projects: ProjectDetail[]; takes: Take[] };

export function makeProject(overrides: Partial<ProjectDetail> = {}): ProjectDetail {
  return { id: "p1", name: "Lighthouse spot", description: null, createdAt: "2025-01-01T09:00:00.000Z", createdBy: "ana", shots: [], ...overrides };
}

export function makeShot(overrides: Partial<Shot> = {}): Shot {
  return {
    id: "s1",
    projectId: "p1",
    code: "SH010",
    description: null,
    order: 1,
    counts: { takes: 0, circled: 0, rejected: 0, notes: 0 },
    circledTakeId: null,
    createdAt: "2025-01-01T09:00:00.000Z",
    ...overrides,
  };
}

const bodyOf = (request: FakeRequest) => JSON.parse(String(request.init?.body ?? "{}")) as Record<string, unknown>;
const renumber = (shots: Shot[]) => shots.forEach((shot, i) => (shot.order = i + 1));
const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/**
 * Projects, shots and the takes in them, answered the way the BFF does (orders 1…n, 409 for
 * a project or shot that holds takes). The state is the test's to arrange and inspect.
 */
export function fakeProjectRoutes(studio: FakeStudio): Record<string, FakeHandler> {
  let serial = 0;
  const project = (id = "") => studio.projects.find((p) => p.id === id);
  const shot = (id = "") => studio.projects.flatMap((p) => p.shots).find((s) => s.id === id);
  const noProject = (id = "") => apiError(404, "not_found", `There is no project with id "${id}".`);
  const noShot = (id = "") => apiError(404, "not_found", `There is no shot with id "${id}".`);
  const holds = (count: number, what: string) => apiError(409, "has_takes", `This ${what} holds ${count} take${count === 1 ? "" : "s"}.`);
  return {
    "GET /api/projects": () => json(200, { items: studio.projects.map(({ shots: _, ...rest }) => rest) }),
    "POST /api/projects": (request) => {
      const { name, description } = bodyOf(request);
      const made = makeProject({ id: `p_new${++serial}`, name: String(name).trim(), description: text(description), createdAt: "2025-02-01T09:00:00.000Z" });
      studio.projects.unshift(made);
      return json(201, { ...made, shots: undefined });
    },
    "GET /api/projects/:id": ({ params }) => {
      const found = project(params.id);
      return found ? json(200, found) : noProject(params.id);
    },
    "PATCH /api/projects/:id": (request) => {
      const found = project(request.params.id);
      if (!found) return noProject(request.params.id);
      const { name, description } = bodyOf(request);
      if (typeof name === "string") found.name = name.trim();
      if (description !== undefined) found.description = text(description);
      return json(200, found);
    },
    "DELETE /api/projects/:id": ({ params }) => {
      const held = studio.takes.filter((t) => t.projectId === params.id).length;
      if (held > 0) return holds(held, "project");
      studio.projects = studio.projects.filter((p) => p.id !== params.id);
      return new Response(null, { status: 204 });
    },
    "POST /api/projects/:id/shots": (request) => {
      const found = project(request.params.id);
      if (!found) return noProject(request.params.id);
      const { code, description } = bodyOf(request);
      if (found.shots.some((s) => s.code.toLowerCase() === String(code).toLowerCase())) {
        return apiError(409, "shot_code_taken", `${String(code)} is already a shot of this project: choose another code.`, { code: "Choose another code." });
      }
      const made = makeShot({ id: `s_new${++serial}`, projectId: found.id, code: String(code), description: text(description), order: found.shots.length + 1 });
      found.shots.push(made);
      return json(201, made);
    },
    "PATCH /api/shots/:id": (request) => {
      const found = shot(request.params.id);
      const owner = project(found?.projectId);
      if (!found || !owner) return noShot(request.params.id);
      const { code, description, order } = bodyOf(request);
      if (typeof code === "string") found.code = code;
      if (description !== undefined) found.description = text(description);
      if (typeof order === "number") {
        const rest = owner.shots.filter((s) => s !== found);
        owner.shots = [...rest.slice(0, order - 1), found, ...rest.slice(order - 1)];
        renumber(owner.shots);
      }
      return json(200, found);
    },
    "DELETE /api/shots/:id": ({ params }) => {
      const found = shot(params.id);
      const owner = project(found?.projectId);
      if (!found || !owner) return noShot(params.id);
      const held = studio.takes.filter((t) => t.shotId === found.id).length;
      if (held > 0) return holds(held, "shot");
      owner.shots = owner.shots.filter((s) => s !== found);
      renumber(owner.shots);
      return new Response(null, { status: 204 });
    },
    "GET /api/generations": ({ url }) => {
      const shotId = url.searchParams.get("shotId");
      const items = studio.takes.filter((t) => shotId === null || t.shotId === shotId);
      return json(200, { items: [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), nextCursor: null });
    },
    "PATCH /api/generations/:id": (request) => {
      const take = studio.takes.find((t) => t.id === request.params.id);
      if (!take) return apiError(404, "not_found", "No such take.");
      const { shotId } = bodyOf(request);
      const target = typeof shotId === "string" ? shot(shotId) : undefined;
      if (typeof shotId === "string" && !target) return apiError(400, "validation_failed", "No such shot.", { shotId: "Choose another shot." });
      take.shotId = target?.id ?? null;
      take.projectId = target?.projectId ?? null;
      return json(200, take);
    },
  };
}
