import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { buildOpenApiDocument } from "../openapi/openapi-document";

type Document = { paths: Record<string, Record<string, Operation>> };
type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> };

const DOCUMENT_ID = "dailies-openapi.json";
// ajv-formats is CommonJS: its default export arrives wrapped when imported from ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/** A strict 2020-12 validator that resolves `#/components/...` against the document. */
export function createDocumentAjv(document: object): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  // The document's own fields, so ajv can hold it whole; its schemas are still compiled strictly.
  ajv.addVocabulary(["openapi", "jsonSchemaDialect", "info", "servers", "tags", "security", "paths", "components", "webhooks", "externalDocs"]);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  return ajv;
}

/** A JSON pointer to `segments` inside the document, for `$ref`. */
export const documentRef = (...segments: string[]) => `${DOCUMENT_ID}#/${segments.map((s) => s.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;

const templateRegex = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`);

/**
 * Checks real responses against the OpenAPI document: the operation exists, its status is
 * documented, the content type is one it lists and a JSON body validates against its schema.
 */
export function createOpenApiChecker(document: object = buildOpenApiDocument()) {
  const { paths } = document as Document;
  const ajv = createDocumentAjv(document);
  const validators = new Map<string, ValidateFunction>();
  const templates = Object.keys(paths)
    .map((template) => ({ template, regex: templateRegex(template), params: (template.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);
  /** `METHOD /template STATUS` of every response checked so far. */
  const seen = new Set<string>();

  function operationFor(method: string, path: string) {
    const lower = method.toLowerCase();
    const found = templates.find(({ template, regex }) => regex.test(path) && paths[template]![lower]);
    if (!found) throw new Error(`${method} ${path} is not in the OpenAPI document.`);
    return { template: found.template, operation: paths[found.template]![lower]! };
  }

  async function check(method: string, url: string, response: Response): Promise<unknown> {
    const path = new URL(url, "http://studio.invalid").pathname;
    const { template, operation } = operationFor(method, path);
    const where = `${method} ${path} (${template}) answered ${response.status}`;
    const documented = operation.responses[String(response.status)];
    if (!documented) throw new Error(`${where}, a status the document does not list (it lists ${Object.keys(operation.responses).join(", ")}).`);
    seen.add(`${method.toUpperCase()} ${template} ${response.status}`);
    const text = method.toUpperCase() === "HEAD" ? "" : await response.clone().text();
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!documented.content) {
      if (text !== "") throw new Error(`${where} with a body, but the document says it has none.`);
      return null;
    }
    if (!(type in documented.content)) throw new Error(`${where} as "${type}"; the document lists ${Object.keys(documented.content).join(", ")}.`);
    if (type !== "application/json" || method.toUpperCase() === "HEAD") return null;
    const body: unknown = JSON.parse(text);
    const pointer = ["paths", template, method.toLowerCase(), "responses", String(response.status), "content", type, "schema"];
    const key = pointer.join(" ");
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = ajv.compile({ $ref: documentRef(...pointer) })));
    if (!validate(body)) {
      throw new Error(`${where} with a body the document does not allow:\n${ajv.errorsText(validate.errors, { dataVar: "body", separator: "\n" })}\nbody: ${text.slice(0, 800)}`);
    }
    return body;
  }

  return { check, seen };
}

let shared: ReturnType<typeof createOpenApiChecker> | null = null;

/** Throws, naming the route and what is wrong, unless `response` is one the OpenAPI document allows; returns the parsed JSON body. */
export function expectMatchesOpenApi(method: string, url: string, response: Response): Promise<unknown> {
  shared ??= createOpenApiChecker();
  return shared.check(method, url, response);
}
