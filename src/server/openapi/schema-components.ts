import { z } from "zod";
import * as api from "../../shared/api";
import * as apiError from "../../shared/api-error";
import * as family from "../../shared/family";
import * as insights from "../../shared/insights";
import * as note from "../../shared/note";
import * as project from "../../shared/project";
import * as providerWatch from "../../shared/provider-watch";
import * as reel from "../../shared/reel";
import * as review from "../../shared/review";
import * as generation from "../../shared/take";
import * as session from "../../shared/session";
import * as usage from "../../shared/usage";
import * as studioRoutes from "./studio-api-routes";

type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

/** Every exported `fooSchema` of the wire contracts, so a component is named after its export ("Foo"). */
const EXPORTED = new Map<unknown, string>(
  [api, apiError, generation, review, note, family, project, session, usage, insights, providerWatch, studioRoutes, reel].flatMap((module) =>
    Object.entries(module)
      .filter(([name]) => name.endsWith("Schema"))
      .map(([name, value]) => [value, name[0]!.toUpperCase() + name.slice(1, -"Schema".length)] as const),
  ),
);

const OPTIONS = { target: "draft-2020-12", unrepresentable: "any", uri: (id: string) => `#/components/schemas/${id}` } as const;

/**
 * Named schemas for `components.schemas`: requests as clients send them (`io: "input"`,
 * so defaults are optional), replies as the studio sends them (`"output"`). One schema
 * may be both only if its two sides agree, which none of ours needs.
 */
export function createSchemaComponents() {
  const registries = { input: z.registry<{ id: string }>(), output: z.registry<{ id: string }>() };
  const used = new Map<string, Io>();
  return {
    ref(schema: z.ZodType, io: Io): JsonSchema {
      const name = EXPORTED.get(schema);
      if (!name) throw new Error("A schema in the OpenAPI route table is not an exported `…Schema` of src/shared: export it there.");
      const id = io === "input" && !name.endsWith("Request") ? `${name}Request` : name;
      const seen = used.get(id);
      if (seen && seen !== io) throw new Error(`${id} is used as both a request and a reply; give each side its own schema.`);
      if (!seen) registries[io].add(schema, { id });
      used.set(id, io);
      return { $ref: `#/components/schemas/${id}` };
    },
    build(): Record<string, JsonSchema> {
      const all: Record<string, JsonSchema> = {};
      for (const io of ["input", "output"] as const) {
        for (const [id, schema] of Object.entries(z.toJSONSchema(registries[io], { ...OPTIONS, io }).schemas)) all[id] = bare(schema);
      }
      return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}

/** A schema inlined where it is used (query parameters): no `$schema`, no `$id`. */
export function inlineSchema(schema: z.ZodType, io: Io): JsonSchema {
  return bare(z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io }));
}

function bare(schema: object): JsonSchema {
  const copy: JsonSchema = { ...schema };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}
