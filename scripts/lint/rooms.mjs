// `rooms/no-cross-room-imports`: bulletproof's `import/no-restricted-paths` zones without the
// plugin. Import paths are resolved (relative or `@/`) before they are judged, so "../../x"
// and "@/features/x" are the same import. Packages are left to `no-restricted-imports`.
import path from "node:path";

/**
 * @typedef {{ target: string[], targetExcept?: string[], from: string[], except?: string[], allowTypeImports?: boolean, message: string }} Zone
 * Paths are relative to the project root, without extensions; a path covers what lies under it.
 */

const covers = (prefixes, file) => prefixes.some((prefix) => file === prefix || file.startsWith(`${prefix}/`));

/** The import's path from the project root, or null for a package. */
function resolveImport(root, filename, source) {
  let target;
  if (source.startsWith("@/")) target = path.join(root, "src", source.slice(2));
  else if (source.startsWith(".")) target = path.resolve(path.dirname(filename), source);
  else return null;
  return path.relative(root, target).split(path.sep).join("/").replace(/\.(tsx?|mjs|js)$/, "");
}

const typeOnly = (node) =>
  node.importKind === "type" ||
  node.exportKind === "type" ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Keep each room of the house to the imports it is allowed" },
    schema: [{ type: "object", properties: { zones: { type: "array" } }, required: ["zones"], additionalProperties: false }],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    /** @type {Zone[]} */
    const zones = context.options[0].zones.filter((z) => covers(z.target, file) && !covers(z.targetExcept ?? [], file));
    if (zones.length === 0) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const imported = resolveImport(root, context.filename, source.value);
      if (imported === null) return;
      for (const zone of zones) {
        if (!covers(zone.from, imported) || covers(zone.except ?? [], imported)) continue;
        if (zone.allowTypeImports && typeOnly(node)) continue;
        context.report({ node: source, message: `${file} may not import ${source.value}: ${zone.message}` });
        return;
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { "no-cross-room-imports": rule } };
