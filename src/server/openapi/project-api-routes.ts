import { createProjectSchema, createShotSchema, projectDetailSchema, projectListSchema, projectSchema, shotSchema, updateProjectSchema, updateShotSchema } from "../../shared/project";
import { SMALL_JSON_KB } from "../http/request-guards";
import { empty, json, ok, routesTagged, type ApiRoute } from "./api-route";

const projects = routesTagged("projects");
const project = { id: "The project's id." };
const shot = { id: "The shot's id." };
const noSuchProject = { 404: "No project has this id." };
const noSuchShot = { 404: "No shot has this id." };
const bad = { 400: "A field is wrong (`fields` says what to change)." };
const badOrder = { 400: "A field is wrong, or `order` is past the last place (`fields` says what to change)." };
const codeTaken = { 409: "Another shot of the project has this code, compared without case (`shot_code_taken`, on `code`)." };
const holdsTakes = (what: string, emptying: string) => ({ 409: `The ${what} holds takes; the message says how many (\`has_takes\`). ${emptying}` });

/** Projects and their ordered shots. */
export const projectApiRoutes: ApiRoute[] = [
  projects("post /api/projects", "createProject", "Start a project", { body: { json: createProjectSchema, maxKb: SMALL_JSON_KB }, replies: { 201: json(projectSchema, "The project; the caller is its `createdBy`.") }, errors: bad }),
  projects("get /api/projects", "listProjects", "Every project, newest first", { replies: ok(projectListSchema, "The projects.") }),
  projects("get /api/projects/{id}", "getProject", "A project and its shots in order, each with its counts and circled take", {
    params: project,
    replies: ok(projectDetailSchema, "The project and its shots."),
    errors: noSuchProject,
  }),
  projects("patch /api/projects/{id}", "updateProject", "Rename or describe a project", { params: project, body: { json: updateProjectSchema, maxKb: SMALL_JSON_KB }, replies: ok(projectSchema, "The project."), errors: { ...bad, ...noSuchProject } }),
  projects("delete /api/projects/{id}", "deleteProject", "Delete a project and its shots, while no take belongs to it", {
    params: project,
    replies: { 204: empty("Deleted, with its shots.") },
    errors: { ...noSuchProject, ...holdsTakes("project", "Move them to a shot of another project, take them out of their shot (`shotId: null`), or delete them first.") },
  }),
  projects("post /api/projects/{id}/shots", "createShot", "Add a shot", {
    description: "Last without `order`; with one, at that place, the shots from there on moving down one. Orders stay 1…n.",
    params: project,
    body: { json: createShotSchema, maxKb: SMALL_JSON_KB },
    replies: { 201: json(shotSchema, "The shot.") },
    errors: { ...badOrder, ...noSuchProject, ...codeTaken },
  }),
  projects("patch /api/shots/{id}", "updateShot", "Rename, describe or move a shot", {
    description: "A new `order` (1 to the number of shots) moves the shot there; the shots between its old and new place shift by one, so orders stay 1…n.",
    params: shot,
    body: { json: updateShotSchema, maxKb: SMALL_JSON_KB },
    replies: ok(shotSchema, "The shot."),
    errors: { ...badOrder, ...noSuchShot, ...codeTaken },
  }),
  projects("delete /api/shots/{id}", "deleteShot", "Delete a shot while no take belongs to it", {
    description: "The shots after it move up one.",
    params: shot,
    replies: { 204: empty("Deleted.") },
    errors: { ...noSuchShot, ...holdsTakes("shot", "Move them to another shot or delete them first.") },
  }),
];
