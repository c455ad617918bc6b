import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseEnv, type Env } from "../env";
import { Refusal, reasonOf } from "./refusal";

export const USAGE = `npm run migrate -- --from sqlite:<data folder> --to postgres://user:password@host:5432/database [--schema name] [--media-to s3://bucket/prefix]
  --schema defaults to DATABASE_SCHEMA (or public); --media-to uses S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE and AWS_* as the studio does.`;

export type MigrateSettings = {
  dataDir: string;
  /** `<dataDir>/dailies.sqlite`, known to exist. */
  file: string;
  url: string;
  schema: string;
  /** The studio's settings with MEDIA_STORE naming the target bucket; null: the database alone. */
  media: Env | null;
};

/** The command line (and the S3 settings in `env`) as settings, or a Refusal saying what is wrong. */
export function parseMigrateArgs(argv: readonly string[], env: NodeJS.ProcessEnv): MigrateSettings {
  let values: Partial<Record<"from" | "to" | "schema" | "media-to", string>>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { from: { type: "string" }, to: { type: "string" }, schema: { type: "string" }, "media-to": { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Refusal(`${reasonOf(error)}\n${USAGE}`);
  }
  const from = /^sqlite:(.+)$/.exec(values.from ?? "")?.[1];
  if (!from) throw new Refusal(`--from must name the studio's data folder as sqlite:<folder>, e.g. sqlite:./data\n${USAGE}`);
  if (!/^postgres(ql)?:\/\//.test(values.to ?? "")) throw new Refusal(`--to must be a PostgreSQL URL, postgres://user:password@host:5432/database\n${USAGE}`);
  const mediaTo = values["media-to"];
  if (mediaTo !== undefined && !mediaTo.startsWith("s3://")) throw new Refusal(`--media-to must be a bucket, s3://bucket/optional/prefix\n${USAGE}`);

  // sqlite:///srv/data, written as a URL, is the folder /srv/data.
  const dataDir = resolve(from.replace(/^\/\/(?=\/)/, ""));
  const file = join(dataDir, "dailies.sqlite");
  if (!existsSync(file)) throw new Refusal(`There is no studio database at ${file}: --from names the folder that holds dailies.sqlite (the studio's DATA_DIR).`);

  let parsed: Env;
  try {
    // The studio's own parsing, so the flags are held to the rules the settings they stand for are.
    parsed = parseEnv({ ...env, DATA_DIR: dataDir, DATABASE_URL: values.to, DATABASE_SCHEMA: values.schema ?? env.DATABASE_SCHEMA, MEDIA_STORE: mediaTo ?? "local", MEDIA_REDIRECT: "proxy" });
  } catch (error) {
    throw new Refusal(`${reasonOf(error)}\n(--to stands for DATABASE_URL, --schema for DATABASE_SCHEMA, --media-to for MEDIA_STORE.)`);
  }
  return { dataDir, file, url: parsed.DATABASE_URL!, schema: parsed.DATABASE_SCHEMA, media: mediaTo === undefined ? null : parsed };
}
