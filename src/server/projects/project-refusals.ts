import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import type { DeleteEmptyOutcome, ShotOutcome, ShotRecord } from "./project";

export const noSuchProject = (id: string) => new HttpError(ERROR_CODES.notFound, `There is no project with id "${id}".`);
export const noSuchShot = (id: string) => new HttpError(ERROR_CODES.notFound, `There is no shot with id "${id}".`);

/** Takes are never deleted along with their project or shot: the refusal says how many to move or delete first. */
export function deletedOrThrow(result: DeleteEmptyOutcome, what: "project" | "shot", id: string): void {
  if (result.outcome === "missing") throw what === "project" ? noSuchProject(id) : noSuchShot(id);
  if (result.outcome !== "has_takes") return;
  const [count, them] = result.takes === 1 ? ["1 take", "it"] : [`${result.takes} takes`, "them"];
  throw new HttpError(ERROR_CODES.hasTakes, `This ${what} holds ${count}. Move ${them} to another shot or delete ${them} first.`);
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
      throw new HttpError(ERROR_CODES.shotCodeTaken, message, { fields: { code: message } });
    }
    case "bad_order": {
      const message = `order must be from 1 to ${result.max}: the shot can go anywhere from first to last.`;
      throw new HttpError(ERROR_CODES.validation, message, { fields: { order: message } });
    }
  }
}
