import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";

/** The 404 for a take id that names nothing; the contract's word for a take here is "generation". */
export const noSuchTake = (id: string) => new HttpError(ERROR_CODES.notFound, `There is no generation with id "${id}".`);
