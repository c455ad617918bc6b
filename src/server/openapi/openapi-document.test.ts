import { describe, expect, it } from "vitest";
import { createDocumentAjv, documentRef } from "../testing/openapi-check";
import { harnessAround } from "../testing/harness-around";
import { startHarness } from "../testing/studio-harness";
import { buildOpenApiDocument } from "./openapi-document";

type Json = Record<string, unknown>;
const document = buildOpenApiDocument();
const paths = document.paths as Record<string, Record<string, Json>>;

const documented = () => Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));

/** Every `[pointer, value]` in the document whose key is `key`. */
function collect(key: string, node: unknown = document, at: string[] = []): [string[], unknown][] {
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, v]) => [...(k === key ? [[[...at, k], v] as [string[], unknown]] : []), ...collect(key, v, [...at, k])]);
}

function resolvePointer(ref: string): unknown {
  expect(ref, "only local references").toMatch(/^#\//);
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Json)[part] : undefined), document);
}

describe("the OpenAPI document and the app", () => {
  const h = harnessAround(() => startHarness({}, undefined, { listen: false }));

  it("documents every route the app serves, and the app serves every route it documents", () => {
    const served = new Set(
      h.app.routes
        // `ALL` rows are middleware and the /api/* 404 fallback; the web app's routes are not the API.
        .filter((route) => route.method !== "ALL" && /^\/(api|media)\//.test(route.path))
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    expect(served.size).toBeGreaterThan(20);
    expect([...served].filter((route) => !documented().includes(route)), "served but not documented").toEqual([]);
    expect(documented().filter((route) => !served.has(route)), "documented but not served").toEqual([]);
  });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 in shape: operations with responses, declared path parameters, unique ids, known tags and schemes", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.title).toBe("Dailies");
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
    const ids = new Set<string>();
    const tags = new Set(document.tags.map((tag) => tag.name));
    for (const [path, item] of Object.entries(paths)) {
      expect(path).toMatch(/^\/(api|media)\//);
      const templateParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method} ${path}`;
        expect(["get", "head", "post", "patch", "delete"], where).toContain(method);
        expect(Object.keys(operation.responses as Json).length, where).toBeGreaterThan(0);
        expect(ids.has(operation.operationId as string), `${where}: duplicate operationId`).toBe(false);
        ids.add(operation.operationId as string);
        for (const tag of operation.tags as string[]) expect(tags, where).toContain(tag);
        const pathParams = ((operation.parameters ?? []) as Json[]).filter((p) => p.in === "path");
        expect(pathParams.map((p) => p.name).sort(), where).toEqual(templateParams);
        expect(pathParams.every((p) => p.required === true), where).toBe(true);
      }
    }
    for (const requirement of document.security) {
      for (const scheme of Object.keys(requirement)) expect(document.components.securitySchemes).toHaveProperty(scheme);
    }
  });

  it("resolves every $ref", () => {
    const refs = collect("$ref");
    expect(refs.length).toBeGreaterThan(50);
    for (const [at, ref] of refs) expect(resolvePointer(ref as string), `${at.join("/")} → ${String(ref)}`).toBeTypeOf("object");
  });

  it("holds only schemas that compile as strict JSON Schema 2020-12", () => {
    const ajv = createDocumentAjv(document);
    const schemas = collect("schema").map(([at]) => at);
    for (const name of Object.keys(document.components.schemas)) schemas.push(["components", "schemas", name]);
    expect(schemas.length).toBeGreaterThan(100);
    for (const at of schemas) expect(() => ajv.compile({ $ref: documentRef(...at) }), at.join("/")).not.toThrow();
  });

  it("takes its error envelope and reply shapes from the shared schemas", () => {
    const schemas = document.components.schemas as Record<string, Json>;
    expect(schemas.ApiError).toMatchObject({ required: ["error"], properties: { error: { required: ["code", "message"] } } });
    expect(schemas.Take).toMatchObject({ additionalProperties: false, properties: { status: { enum: ["checking", "queued", "generating", "finishing", "completed", "failed"] } } });
    // Requests are described as clients send them: a field with a default is optional.
    expect(schemas.CreateBatchRequest).toMatchObject({ required: expect.not.arrayContaining(["variations", "prompt"]) as unknown });
  });
});
