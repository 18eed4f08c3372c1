import fs from "node:fs";
import net from "node:net";
import { PassThrough } from "node:stream";
import { writeBackup } from "./backup";
import type { Db } from "./client";

// The process that holds a PGlite folder (db/folder-lock.ts) is the only one that may read it,
// so `npm run backup` asks it, over a Unix socket beside the folder (`<folder>.sock`, mode 0600:
// only the folder's owner can connect, as only it can read the folder). One request per
// connection: a JSON line {"op":"backup"}; the answer is a JSON line {"ok":true} followed by
// the backup's bytes, or {"ok":false,"error":"..."}.

export function controlSocketOf(folder: string): string {
  return `${folder.replace(/[\\/]+$/, "")}.sock`;
}

/** Serves backups of `db` on the folder's control socket; call only while holding the folder's lock. */
export function serveControlSocket(folder: string, db: Db): Promise<() => void> {
  const socketPath = controlSocketOf(folder);
  // We hold the folder, so a socket file left here is a dead holder's.
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((conn) => {
    let request = "";
    conn.setEncoding("utf8");
    conn.on("data", (chunk: string) => {
      request += chunk;
      if (!request.includes("\n")) return;
      conn.removeAllListeners("data");
      void answer(conn, request.slice(0, request.indexOf("\n")), db);
    });
    conn.on("error", () => {});
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      fs.chmodSync(socketPath, 0o600);
      server.unref();
      const close = () => {
        server.close();
        fs.rmSync(socketPath, { force: true });
        process.off("exit", close);
      };
      process.on("exit", close);
      resolve(close);
    });
  });
}

async function answer(conn: net.Socket, line: string, db: Db): Promise<void> {
  let op: unknown;
  try {
    op = (JSON.parse(line) as { op?: unknown }).op;
  } catch {
    op = null;
  }
  if (op !== "backup") {
    conn.end(`${JSON.stringify({ ok: false, error: `unknown request ${JSON.stringify(op)}` })}\n`);
    return;
  }
  // The backup is made completely before the first byte is sent, so an error is still an answer.
  const buffer = new PassThrough();
  const chunks: Buffer[] = [];
  buffer.on("data", (c: Buffer) => chunks.push(c));
  try {
    await writeBackup(db, buffer);
  } catch (error) {
    conn.end(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`);
    return;
  }
  conn.write(`${JSON.stringify({ ok: true })}\n`);
  conn.end(Buffer.concat(chunks));
}

/** Asks the process that holds `folder` for a backup; resolves with the backup's bytes. */
export function requestBackup(folder: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const conn = net.connect(controlSocketOf(folder));
    const chunks: Buffer[] = [];
    conn.on("connect", () => conn.write(`${JSON.stringify({ op: "backup" })}\n`));
    conn.on("data", (c: Buffer) => chunks.push(c));
    conn.on("error", (error) => reject(new Error(`cannot reach the process that holds ${folder} at ${controlSocketOf(folder)}: ${error.message}`)));
    conn.on("end", () => {
      const all = Buffer.concat(chunks);
      const nl = all.indexOf(10);
      if (nl < 0) return reject(new Error("no answer from the process that holds the folder"));
      const status = JSON.parse(all.subarray(0, nl).toString("utf8")) as { ok: boolean; error?: string };
      if (!status.ok) return reject(new Error(`the running app could not make the backup: ${status.error}`));
      resolve(all.subarray(nl + 1));
    });
  });
}
