import pino, { type Logger } from "pino";

// Structured JSON logs on stdout (one object a line), for an operator's log collector. In
// development the same lines are pretty-printed (pino-pretty, loaded only there).
// Secrets never reach a log line: the paths below are redacted wherever they appear.

export const REDACTED_PATHS = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "currentPassword",
  "*.currentPassword",
  "passwordHash",
  "*.passwordHash",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "headers.cookie",
  "headers.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
  'headers["set-cookie"]',
  "csrfToken",
  "*.csrfToken",
];

function devStream(): pino.DestinationStream | undefined {
  if (process.env.NODE_ENV !== "development") return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only in development
    const pretty = require("pino-pretty") as (options: object) => pino.DestinationStream;
    return pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" });
  } catch {
    return undefined;
  }
}

export function createLogger(destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "warn" : "info"),
      base: { service: "avtalsregistret" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? devStream(),
  );
}

const g = globalThis as { __avtalsregistretLogger?: Logger };
/** The app's logger. Per request: `logger.child({ requestId, userId })` (lib/server/request-log.ts). */
export const logger: Logger = (g.__avtalsregistretLogger ??= createLogger());
