import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * Docker can't run here, so deploy/ is kept honest by reading it: the Dockerfile's steps are
 * package.json's scripts and CI's install, and the compose file has the shape the README says.
 */
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; dependencies: Record<string, string> };

type Instruction = { op: string; args: string };

/** Dockerfile instructions by stage, continuation lines joined and comments left out. */
function stages(text: string): Instruction[][] {
  const joined = text.replace(/\\\n/g, " ").split("\n").map((line) => line.trim());
  const instructions = joined.filter((line) => line && !line.startsWith("#")).map((line) => ({ op: line.split(/\s/)[0]!.toUpperCase(), args: line.slice(line.split(/\s/)[0]!.length).trim() }));
  return instructions.reduce<Instruction[][]>((all, instruction) => (instruction.op === "FROM" ? [...all, [instruction]] : (all.at(-1)!.push(instruction), all)), []);
}

const dockerfile = stages(read("deploy/Dockerfile"));
const stageNamed = (name: string) => dockerfile.find((stage) => new RegExp(`\\bAS ${name}$`, "i").test(stage[0]!.args)) ?? [];
const args = (stage: Instruction[], op: string) => stage.filter((i) => i.op === op).map((i) => i.args);
const runtime = dockerfile.at(-1)!;
const runtimeEnv = new Map(args(runtime, "ENV").flatMap((line) => [...line.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!] as const)));
/** `vite build && MALLOC_ARENA_MAX=2 tsx src/server/main.ts`: the build, then what serves. */
const [startBuild, startServe] = pkg.scripts.start!.split(" && ");

describe("deploy/Dockerfile", () => {
  it("builds in stages and runs on Debian's slim Node 20 as a user other than root", () => {
    expect(dockerfile.length).toBeGreaterThanOrEqual(2);
    expect(runtime[0]!.args).toMatch(/^node:20-bookworm-slim\b/);
    const users = args(runtime, "USER");
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime.findIndex((i) => i.op === "USER")).toBeLessThan(runtime.findIndex((i) => i.op === "CMD"));
    // Every stage a COPY --from names exists.
    const named = dockerfile.map((stage) => /\bAS (\S+)$/i.exec(stage[0]!.args)?.[1]);
    for (const from of runtime.flatMap((i) => [...i.args.matchAll(/--from=(\S+)/g)].map((m) => m[1]))) expect(named).toContain(from);
  });

  it("builds with the commands CI runs and package.json defines, and installs production dependencies apart", () => {
    const ciInstall = /^\s*(?:\S+=\S+\s+)*(npm ci\b.*)$/m.exec(read(".ci/run"))![1]!.trim();
    expect(args(stageNamed("build"), "RUN")).toEqual([ciInstall, "npm run build"]);
    expect(startBuild).toBe(pkg.scripts.build);
    expect(args(stageNamed("deps"), "RUN")).toEqual([ciInstall.replace("npm ci", "npm ci --omit=dev")]);
    // What the runtime runs must be a production dependency: --omit=dev leaves the rest out.
    for (const name of ["tsx", "better-sqlite3", "sharp"]) expect(pkg.dependencies).toHaveProperty(name);
  });

  it("uses Debian's ffmpeg through FFMPEG_PATH", () => {
    expect(args(runtime, "RUN").join("\n")).toMatch(/apt-get install -y --no-install-recommends ffmpeg\b/);
    expect(runtimeEnv.get("FFMPEG_PATH")).toBe("/usr/bin/ffmpeg");
  });

  it("listens on every interface on the port it exposes, keeps its data in a volume, and checks /api/ready", () => {
    expect(runtimeEnv.get("HOST")).toBe("0.0.0.0");
    expect(args(runtime, "EXPOSE")).toEqual([runtimeEnv.get("PORT")]);
    expect(args(runtime, "VOLUME").join(" ")).toContain(runtimeEnv.get("DATA_DIR"));
    expect(args(runtime, "HEALTHCHECK").join(" ")).toMatch(/CMD \["node", "-e", ".*\/api\/ready/);
  });

  it("starts the studio as package.json's start script does, without its build", () => {
    expect(pkg.scripts.serve).toBe(startServe);
    const words = startServe!.split(" ");
    const settings = words.filter((word) => /^\w+=/.test(word));
    for (const setting of settings) expect(runtimeEnv.get(setting.split("=")[0]!)).toBe(setting.split("=")[1]);
    const [runner, entry, ...rest] = words.slice(settings.length);
    expect([runner, rest]).toEqual(["tsx", []]);
    // `tsx file` is node with tsx's loader; node itself as the process gets SIGTERM first-hand.
    expect(JSON.parse(args(runtime, "CMD").at(-1)!)).toEqual(["node", "--import", "tsx", entry]);
  });

  it("passes hadolint where it is installed (apt-get install hadolint)", () => {
    const lint = spawnSync("hadolint", ["-"], { input: read("deploy/Dockerfile"), encoding: "utf8", timeout: 20_000 });
    if (lint.error && (lint.error as NodeJS.ErrnoException).code === "ENOENT") return;
    expect(lint.stdout + lint.stderr).toBe("");
    expect(lint.status).toBe(0);
  });
});

type Entry = { inline: string; body: string[] };

/** The keys of one YAML block mapping (its lines), each with its inline value and nested lines, dedented. */
function entries(lines: string[]): Map<string, Entry> {
  const meaningful = lines.filter((line) => line.trim() && !line.trim().startsWith("#"));
  const indent = Math.min(...meaningful.map((line) => line.search(/\S/)));
  const found = new Map<string, Entry>();
  let current: Entry | null = null;
  for (const line of meaningful) {
    const key = line.search(/\S/) === indent ? /^\s*("?[\w.-]+"?):(?:\s+(.*))?$/.exec(line) : null;
    if (key) found.set(key[1]!.replaceAll('"', ""), (current = { inline: key[2] ?? "", body: [] }));
    else current?.body.push(line);
  }
  return found;
}

describe("deploy/compose.yaml", () => {
  const text = read("deploy/compose.yaml");
  const top = entries(text.split("\n"));
  const anchors = new Map([...top.values()].filter((entry) => entry.inline.startsWith("&")).map((entry) => [entry.inline.slice(1), entry.body]));
  /** A key of a service, an alias (`*name`) followed to its anchor. */
  const field = (service: Map<string, Entry>, key: string): string[] => {
    const entry = service.get(key);
    if (!entry) return [];
    return entry.inline.startsWith("*") ? anchors.get(entry.inline.slice(1))! : [entry.inline, ...entry.body];
  };
  const services = entries(top.get("services")!.body);
  const service = (name: string) => entries(services.get(name)!.body);
  const replicas = [...services.keys()].filter((name) => /^dailies-\d+$/.test(name));

  it("is YAML indented with spaces whose aliases all name an anchor", () => {
    expect(text).not.toMatch(/^\t/m);
    for (const [, alias] of text.matchAll(/:\s+\*([\w-]+)\s*$/gm)) expect([...anchors.keys()]).toContain(alias);
  });

  it("runs Postgres 15, an S3-compatible store with a one-shot that makes the bucket, two studio replicas and a proxy", () => {
    expect(service("postgres").get("image")!.inline).toBe("postgres:15");
    expect(service("minio").get("image")!.inline).toMatch(/^minio\/minio\b/);
    expect(field(service("minio-bucket"), "command").join(" ")).toMatch(/"mb"/);
    expect(replicas).toEqual(["dailies-1", "dailies-2"]);
    expect(service("proxy").get("image")!.inline).toMatch(/^caddy:/);
  });

  it("builds each replica from deploy/Dockerfile, gives each its own data volume, and checks /api/ready", () => {
    const volumes = replicas.map((name) => field(service(name), "volumes").join(" "));
    for (const [index, name] of replicas.entries()) {
      expect(field(service(name), "build").join("\n"), name).toMatch(/dockerfile: deploy\/Dockerfile/);
      expect(field(service(name), "healthcheck").join("\n"), name).toMatch(/\/api\/ready/);
      expect(volumes[index], name).toMatch(new RegExp(`${name}-data:/data`));
    }
  });

  /** A replica's own settings, beside the shared ones it merges in (`<<: *dailies-environment`). */
  const ownSettings = (name: string) =>
    new Map(field(service(name), "environment").flatMap((line) => {
      const setting = /^\s*(\w+): (.+)$/.exec(line);
      return setting ? [[setting[1]!, setting[2]!] as const] : [];
    }));

  it("runs every replica by default on the one Postgres, each under a name of its own on the leases", () => {
    for (const name of replicas) {
      expect(service(name).has("profiles"), name).toBe(false);
      expect(field(service(name), "environment").join("\n"), name).toMatch(/^\s*<<: \*dailies-environment$/m);
    }
    const environment = anchors.get("dailies-environment")!.join("\n");
    const postgres = field(service("postgres"), "environment").join("\n");
    const [, user, database] = /^\s*DATABASE_URL: postgres:\/\/(\w+):\$\{POSTGRES_PASSWORD\}@postgres:5432\/(\w+)$/m.exec(environment)!;
    expect(postgres).toMatch(new RegExp(`^\\s*POSTGRES_USER: ${user}$`, "m"));
    expect(postgres).toMatch(new RegExp(`^\\s*POSTGRES_DB: ${database}$`, "m"));
    expect(environment).not.toMatch(/REPLICA_ID/);
    const ids = replicas.map((name) => ownSettings(name).get("REPLICA_ID"));
    expect(ids).toEqual(replicas);
    expect(text).not.toMatch(/NOT READ YET|profiles:/);
  });

  it("keeps every replica's media in MinIO's one bucket under one prefix, with the settings the studio reads", () => {
    const environment = anchors.get("dailies-environment")!.join("\n");
    const bucket = /"mb", "--ignore-existing", "store\/([\w-]+)"/.exec(field(service("minio-bucket"), "command").join(" "))![1];
    expect(environment).toMatch(new RegExp(`^\\s*MEDIA_STORE: s3://${bucket}/media$`, "m"));
    expect(environment).toMatch(/^\s*S3_ENDPOINT: http:\/\/minio:9000$/m);
    expect(environment).toMatch(/^\s*AWS_ACCESS_KEY_ID: \$\{S3_ACCESS_KEY_ID\}$/m);
    expect(environment).toMatch(/^\s*AWS_SECRET_ACCESS_KEY: \$\{S3_SECRET_ACCESS_KEY\}$/m);
    for (const name of replicas) expect([...ownSettings(name).keys()].filter((key) => /^(MEDIA_|S3_|AWS_)/.test(key)), name).toEqual([]);
  });

  it("has the proxy balance over every replica and ask each /api/ready", () => {
    const caddyfile = read("deploy/Caddyfile");
    expect(field(service("proxy"), "volumes").join(" ")).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
    expect([...entries(field(service("proxy"), "depends_on")).keys()]).toEqual(replicas);
    expect(/reverse_proxy ([^{]+)\{/.exec(caddyfile)![1]!.trim().split(/\s+/)).toEqual(replicas.map((name) => `${name}:8787`));
    expect(caddyfile).toMatch(/^\s*health_uri \/api\/ready$/m);
    expect(existsSync(new URL("../../../deploy/Dockerfile.dockerignore", import.meta.url))).toBe(true);
  });
});
