// A Stryker ignorer (stryker.config.mjs, `ignorers`): mutants inside an operator's log line,
// `log.warn(...)` or `deps.log.info(...)`, are not counted. The words and fields of a log line
// are for the person reading the log; no behaviour of the studio depends on them, and a test
// that pinned them would only freeze their wording. The request log is different: its line
// *is* its behaviour, it is written through a `child` logger, and its tests check it.
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";

const LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal"]);

/** `log` or `<anything>.log` */
function isLogger(node) {
  if (node.type === "Identifier") return node.name === "log";
  return node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier" && node.property.name === "log";
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, "log-lines", {
    shouldIgnore(path) {
      if (!path.isExpressionStatement()) return undefined;
      const call = path.node.expression;
      if (call.type !== "CallExpression" || call.callee.type !== "MemberExpression") return undefined;
      const { object, property } = call.callee;
      if (property.type !== "Identifier" || !LEVELS.has(property.name) || !isLogger(object)) return undefined;
      return "An operator's log line: its words and fields change no behaviour";
    },
  }),
];
