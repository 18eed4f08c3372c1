import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { auditLog } from "../db/schema";
import { expect, storageStateFor, test } from "./fixtures";

test("health and readiness answer without a session, with no secrets, and every answer carries a request id", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const health = await anonymous.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await anonymous.get("/api/ready");
  expect(ready.status()).toBe(200);
  const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean }> };
  expect(body.status).toBe("ready");
  expect(Object.fromEntries(Object.entries(body.checks).map(([k, v]) => [k, v.ok]))).toEqual({ database: true, migrations: true, storage: true });
  expect(JSON.stringify(body)).not.toMatch(/postgres:|secret|password|\.data/i);

  const ids = [health, ready, await anonymous.get("/login")].map((r) => r.headers()["x-request-id"]);
  expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id ?? ""))).toBe(true);
  expect(new Set(ids).size).toBe(3);
  // A client cannot choose its request id (only a trusted proxy can).
  expect((await anonymous.get("/api/health", { headers: { "x-request-id": "chosen-by-client-1234" } })).headers()["x-request-id"]).not.toBe(
    "chosen-by-client-1234",
  );
  await anonymous.dispose();
});

test("a direct client cannot pick its address: X-Forwarded-For is ignored for the audit log and the lock", async ({ playwright, baseURL }) => {
  const stranger = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67" } });
  const email = `forged-${Date.now()}@example.se`;
  const { csrfToken } = (await (await stranger.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await stranger.post("/api/auth/callback/credentials", { form: { email, password: "wrong-password-1", csrfToken }, maxRedirects: 0 });
  await stranger.dispose();

  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
  const audit = (await (await admin.get(`/api/admin/audit?q=${encodeURIComponent(email)}`)).json()) as { rows: { action: string; ip: string }[] };
  expect(audit.rows.map((r) => r.action)).toEqual(["auth.sign_in_failed"]);
  expect(audit.rows[0]!.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  await admin.dispose();
});

test("a body larger than any form may send is a clear 413, and a NUL character a 400", async ({ playwright, baseURL }) => {
  const analyst = await playwright.request.newContext({ baseURL, storageState: storageStateFor("analyst") });
  const big = await analyst.post("/api/agreements/import", {
    multipart: { file: { name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(50 * 1024 * 1024, 0x61) } },
  });
  expect(big.status()).toBe(413);
  expect(await big.json()).toMatchObject({ error: "too_large", message: expect.stringContaining("at most 42 MB") });

  const nul = await analyst.get("/api/agreements/export?format=json&q=%00");
  expect(nul.status()).toBe(400);
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
  const json = await admin.post("/api/admin/users", { data: { name: "Nul\u0000Person", email: `nul-${Date.now()}@example.se`, password: "a-long-enough-password", roles: ["analyst"] } });
  expect(json.status()).toBe(400);
  expect(await json.json()).toMatchObject({ error: "invalid" });
  await analyst.dispose();
  await admin.dispose();
});

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("a served attachment keeps its sandbox policy; pages keep theirs", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("analyst") });
  const page = await context.newPage();
  await page.goto("/sources/new");
  await page.getByLabel("Typ av källa").selectOption("web_page");
  await page.getByLabel("Webbadress").fill(`https://example.se/bild-${Date.now()}`);
  await page.getByLabel("Titel").fill("Bild för sandlådetest");
  await page.getByRole("button", { name: "Spara källan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bild för sandlådetest");
  await page.getByLabel("Bifoga filer").setInputFiles({ name: "bild.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Ladda upp" }).click();
  const link = page.getByRole("link", { name: "bild.png" });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; img-src 'self'; sandbox");
  expect(Buffer.from(await response.body()).equals(PNG)).toBe(true);
  const pageCsp = (await page.request.get("/sources")).headers()["content-security-policy"];
  expect(pageCsp).toContain("'nonce-");
  await context.close();
});

test.describe("a second server process", () => {
  // Port 3121 of this spec's block (E2E_PORT + 1), its own embedded database, behind a "proxy" on 127.0.0.1.
  const port = Number(process.env.E2E_PORT ?? 3100) + 1;
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-shutdown-"));
  let server: ChildProcess;
  let output = "";
  let exit: Promise<number | null>;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = spawn(process.execPath, ["scripts/server.mjs"], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO_USERS: "1", TRUSTED_PROXIES: "127.0.0.1", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    exit = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
    for (let i = 0; i < 240; i++) {
      const up = await fetch(`${base}/api/ready`).then((r) => r.ok, () => false);
      if (up) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the second server did not get ready:\n${output}`);
  });
  test.afterAll(() => {
    server.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("on SIGTERM it finishes the request in flight, closes the database and exits 0", async () => {
    test.setTimeout(90_000);
    // A trusted proxy (127.0.0.1 here) is believed about the client's address.
    const email = `slow-${Date.now()}@example.se`;
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    // The proxy and the route both set the CSRF cookie: the route's (the last) matches the token.
    const jar = new Map(csrf.headers.getSetCookie().map((c) => c.split(";")[0]!.split("=") as [string, string]));
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const body = new URLSearchParams({ email, password: "wrong-password-1", csrfToken }).toString();

    // A slow client: headers and half the body now, the rest after SIGTERM.
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    socket.on("data", (d) => (answer += d.toString()));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.write(
      `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCookie: ${cookie}\r\nX-Forwarded-For: 198.51.100.23\r\nConnection: keep-alive\r\n\r\n` +
        body.slice(0, 10),
    );
    await new Promise((r) => setTimeout(r, 300));
    server.kill("SIGTERM");
    // It takes no new connections...
    await expect.poll(() => fetch(`${base}/api/health`).then(() => "answered", () => "refused"), { timeout: 10_000 }).toBe("refused");
    // ...but the request in flight is answered.
    socket.write(body.slice(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 302/);
    expect(await exit).toBe(0);
    expect(output).toMatch(/"hook":"database".*"msg":"shutdown hook done"/);

    // The folder opens again (closed cleanly) and holds what the last request wrote, with the proxy's client address.
    const handle = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      const rows = await handle.db.select().from(auditLog).where(eq(auditLog.email, email));
      expect(rows.map((r) => [r.action, r.ip])).toEqual([["auth.sign_in_failed", "198.51.100.23"]]);
    } finally {
      await handle.close();
    }
  });
});
