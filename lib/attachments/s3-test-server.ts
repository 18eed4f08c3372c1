// A real S3-protocol server for tests: s3rver (npm), listening on a random local port with a
// bucket in a temporary folder. The S3 store talks to it over HTTP with signed requests, as it
// would to any S3-compatible service. Used by integration tests and by scripts/e2e-server.mjs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "../env";

export const TEST_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface TestS3Server {
  settings: S3Settings;
  /** The same as S3_* environment variables, for a child process. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startTestS3Server({ bucket = "avtal-attachments", port = 0 }: { bucket?: string; port?: number } = {}): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const settings: S3Settings = { endpoint, bucket, region: "us-east-1", forcePathStyle: true, ...TEST_S3_CREDENTIALS };
  return {
    settings,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: TEST_S3_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: TEST_S3_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "1",
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
