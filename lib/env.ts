import path from "node:path";
import { z } from "zod";

/** The environment, validated once. Everything else reads configuration from here. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  SEED_DEMO_USERS: z.enum(["0", "1"]).optional(),
  /** First run: create this administrator at server start when no account has the email. */
  ADMIN_EMAIL: z.string().trim().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  ADMIN_NAME: z.string().trim().optional(),
  /** Attachments in an S3-compatible bucket when S3_BUCKET is set (lib/attachments/storage-s3.ts). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"]).optional(),
});

export type Env = z.infer<typeof envSchema> & { pgliteDir: string; demoMode: boolean; s3: S3Settings | null };

/** The S3-compatible bucket for attachments (null: the local folder). */
export interface S3Settings {
  /** Omit for AWS itself; the URL of a self-hosted or other S3-compatible store otherwise. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Omit both to use the SDK's own chain (instance role, AWS_* variables). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** The bucket in the path (http://host/bucket/key) rather than the host name. */
  forcePathStyle: boolean;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    ADMIN_EMAIL: process.env.ADMIN_EMAIL || undefined,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || undefined,
    ...Object.fromEntries(["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"].map((k) => [k, process.env[k] || undefined])),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const e = parsed.data;
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    throw new Error("Invalid environment:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither, for the SDK's own credentials).");
  }
  cached = {
    ...e,
    pgliteDir: path.resolve(e.DATA_DIR, "pglite"),
    // Demo accounts are created only for the embedded database, unless asked for explicitly.
    demoMode: e.SEED_DEMO_USERS ? e.SEED_DEMO_USERS === "1" : !e.DATABASE_URL,
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          // Self-hosted stores (an S3_ENDPOINT) usually want the bucket in the path.
          forcePathStyle: e.S3_FORCE_PATH_STYLE ? ["1", "true"].includes(e.S3_FORCE_PATH_STYLE) : Boolean(e.S3_ENDPOINT),
        }
      : null,
  };
  return cached;
}
