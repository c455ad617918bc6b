import { ERROR_CODES } from "../../shared/api-error";
import { fieldError, HttpError } from "../http/http-error";
import type { DeleteEmptyOutcome, ShotOutcome, ShotRecord } from "./project";

export const noSuchProject = (id: string) => new HttpError(ERROR_CODES.notFound, `There is no project with id "${id}".`);
export const noSuchShot = (id: string) => new HttpError(ERROR_CODES.notFound, `There is no shot with id "${id}".`);

/** What empties a project or shot of its takes, for one take or several. */
function howToEmpty(what: "project" | "shot", one: boolean): string {
  const [them, their] = one ? ["it", "its"] : ["them", "their"];
  if (what === "shot") return `Move ${them} to another shot or delete ${them} first.`;
  return `First move ${them} to a shot of another project, take ${them} out of ${their} shot (shotId: null), or delete ${them}.`;
}

/** Takes are never deleted along with their project or shot: the refusal says how many, and what to do with them first. */
export function deletedOrThrow(result: DeleteEmptyOutcome, what: "project" | "shot", id: string): void {
  if (result.outcome === "missing") throw what === "project" ? noSuchProject(id) : noSuchShot(id);
  if (result.outcome !== "has_takes") return;
  const count = result.takes === 1 ? "1 take" : `${result.takes} takes`;
  throw new HttpError(ERROR_CODES.hasTakes, `This ${what} holds ${count}. ${howToEmpty(what, result.takes === 1)}`);
}

/** The shot a create or change made, or the error that says what to change. */
export function shotOrThrow(result: ShotOutcome, missing: () => HttpError): ShotRecord {
  switch (result.outcome) {
    case "done":
      return result.shot;
    case "missing":
      throw missing();
    case "code_taken": {
      const message = `${result.code} is already a shot of this project (codes are compared without case): choose another code.`;
      throw fieldError("code", message, ERROR_CODES.shotCodeTaken);
    }
    case "bad_order": {
      const message = `order must be from 1 to ${result.max}: the shot can go anywhere from first to last.`;
      throw fieldError("order", message);
    }
  }
}
