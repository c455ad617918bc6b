// The house's rooms (docs: /work/shared/STYLE.md "Shape of the house") as import zones for
// rooms/no-cross-room-imports. Read from the tree at lint time, so a new feature is fenced
// the day its folder appears.
import { readdirSync } from "node:fs";
import path from "node:path";

const NODE_ROOMS = ["src/server", "src/simulator", "src/node"];

const entries = (dir) => readdirSync(dir, { withFileTypes: true });
const stripExt = (name) => name.replace(/\.(tsx?|css)$/, "");

/** @param {string} root the project root */
export function zones(root) {
  const src = path.join(root, "src");
  const spa = entries(src)
    .map((e) => `src/${stripExt(e.name)}`)
    .filter((p) => !NODE_ROOMS.includes(p) && p !== "src/shared");
  const features = entries(path.join(src, "features")).filter((e) => e.isDirectory()).map((e) => `src/features/${e.name}`);
  return [
    ...features.map((feature) => ({
      target: [feature],
      from: ["src/features"],
      except: [feature],
      message: "features do not import each other; compose them in src/routes, or move the shared piece to src/components, src/hooks or src/lib",
    })),
    {
      target: ["src/components", "src/hooks", "src/lib"],
      from: ["src/features", "src/routes", "src/app", "src/main"],
      message: "shared browser code knows no feature or route",
    },
    { target: ["src/features"], from: ["src/routes", "src/app", "src/main"], message: "routes compose features, never the reverse" },
    { target: spa, from: NODE_ROOMS, allowTypeImports: true, message: "the browser never bundles Node code (`import type` is fine)" },
    { target: ["src/shared"], from: ["src"], except: ["src/shared"], message: "src/shared imports nothing else of ours" },
    { target: ["src/simulator"], from: ["src/server", ...spa], message: "the simulator stays a faithful outsider: no BFF or browser code" },
    { target: ["src/node"], from: ["src/server", "src/simulator", ...spa], message: "the Node pieces both programs use import neither program" },
    { target: ["src/server"], from: spa, message: "the BFF never imports browser code" },
  ];
}
