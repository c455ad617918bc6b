import pino, { type DestinationStream, type Logger } from "pino";

/** One logger; the key and data URIs are redacted wherever they might appear. */
export function createLogger(level: string, secrets: readonly string[] = [], destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: ["authorization", "headers.authorization", "apiKey", "*.apiKey", "imageUrl", "*.imageUrl"], censor: "[redacted]" },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === "string" ? scrub(arg, secrets) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
    formatters: {
      // Parsed back only when something was scrubbed: every request writes a line, and most hold nothing to hide.
      log: (object) => {
        const text = JSON.stringify(object);
        const clean = scrub(text, secrets);
        return clean === text ? object : (JSON.parse(clean) as Record<string, unknown>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text.replace(/data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]{16,}/gi, "data:[…]");
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out;
}
