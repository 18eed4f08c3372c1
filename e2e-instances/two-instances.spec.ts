import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { samplePdf } from "../lib/attachments/sample-pdf";

// Two instances of the app (scripts/two-instances.mjs) on one PostgreSQL, with attachments in an
// S3-compatible bucket: what one instance writes, the other one sees and enforces.

const work = path.join(".data", "instances");
const PASSWORD = "avtal-demo-2026";
// What the web server wrote when it started (read at run time: test files load before it starts).
let run: { databaseUrl: string; ports: number[]; smtp: boolean };
let A: string;
let B: string;
let sql: postgres.Sql;
test.beforeAll(() => {
  run = JSON.parse(fs.readFileSync(path.join(work, "run.json"), "utf8")) as typeof run;
  [A, B] = run.ports.map((p) => `http://localhost:${p}`) as [string, string];
  sql = postgres(run.databaseUrl, { max: 2, onnotice: () => {} });
});
test.afterAll(() => sql?.end());

async function signedIn(browser: Browser, base: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("E-postadress", { exact: true }).fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

test("failed sign-ins on both instances add up to one lockout, which both enforce", async ({ browser }) => {
  const admin = await signedIn(browser, A, "admin@demo.avtalsregistret.se");
  const email = `throttle-${Date.now()}@example.se`;
  const created = await admin.request.post(`${A}/api/admin/users`, { headers: { Origin: A }, data: { name: "Spärrtest", email, password: "the-right-password-1", roles: ["reviewer"] } });
  expect(created.status()).toBe(201);

  const page = await (await browser.newContext()).newPage();
  const attempt = async (base: string, password: string) => {
    await page.goto(`${base}/login`);
    await page.getByLabel("E-postadress", { exact: true }).fill(email);
    await page.getByLabel("Lösenord", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Logga in" }).click();
    return page.getByRole("main").getByRole("alert");
  };
  for (const [i, base] of [A, B, A, B].entries()) await expect(await attempt(base, `wrong-${i}`)).toHaveText("Fel e-postadress eller lösenord.");
  await expect(await attempt(A, "wrong-5")).toHaveText("För många misslyckade inloggningsförsök. Vänta en stund och försök igen.");
  await expect(await attempt(B, "the-right-password-1")).toHaveText("För många misslyckade inloggningsförsök. Vänta en stund och försök igen.");
});

test("two reviewers approving at once on different instances apply the change once; the author is told on the other instance", async ({ browser }) => {
  const official = await signedIn(browser, A, "bengtsfors@demo.avtalsregistret.se");
  await official.goto(`${A}/agreements`);
  await official.getByRole("row").filter({ hasText: "Bengtsfors" }).filter({ hasText: "Wuzhou" }).getByRole("link", { name: "Bengtsfors" }).first().click();
  await official.getByRole("link", { name: "Föreslå en ändring" }).click();
  await official.getByLabel("Datum då ändringen gällde").fill("2022-03-14");
  await official.getByLabel("Beslutande organ").fill("Kommunstyrelsen");
  await official.getByLabel("Sammanträdesdatum").fill("2022-03-14");
  await official.getByLabel("Paragraf", { exact: true }).fill("§40");
  await official.getByLabel("Diarienummer", { exact: true }).fill("KS 2022/0099");
  await official.getByLabel("Sammanfattning av förslaget").fill("Två instanser: samarbetet återupptas");
  await official.getByRole("button", { name: "Skicka förslag" }).click();
  await official.waitForURL(/\/review\/[0-9a-f-]{36}$/);
  const proposalPath = new URL(official.url()).pathname;
  const proposalId = proposalPath.split("/").pop()!;

  const onA = await signedIn(browser, A, "granskare@demo.avtalsregistret.se");
  const onB = await signedIn(browser, B, "granskare@demo.avtalsregistret.se");
  await Promise.all([onA.goto(`${A}${proposalPath}`), onB.goto(`${B}${proposalPath}`)]);
  // The decision buttons are the client's (hydrated) and call a server action: both pages hydrated,
  // then both clicked at once, and each action's answer awaited before the pages are reloaded.
  await Promise.all([onA, onB].map((p) => p.waitForLoadState("networkidle")));
  await Promise.all(
    [onA, onB].map(async (p) => {
      const answered = p.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === proposalPath, { timeout: 30_000 });
      await p.getByRole("button", { name: "Godkänn och verkställ" }).click();
      await answered;
    }),
  );
  for (const p of [onA, onB]) {
    await p.reload();
    await expect(p.getByTestId("proposal-status")).toHaveText("Godkänt");
  }
  const [decided] = await sql<{ status: string; version: number }[]>`SELECT status, version FROM proposals WHERE id = ${proposalId}`;
  expect(decided!.status).toBe("approved");
  const events = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM status_events e JOIN proposals p ON p.agreement_id = e.agreement_id
    WHERE p.id = ${proposalId} AND e.status = 'resumed' AND e.effective_on = '2022-03-14'`;
  expect(events[0]!.n).toBe(1);

  await official.goto(`${B}/notifications`);
  await expect(official.getByTestId("notification").first()).toContainText("godkände ditt förslag");

  if (run.smtp) {
    // The e-mail copy is delivered once, by whichever instance's worker took the job.
    const mails = () =>
      fs.readdirSync(path.join(work, "mail")).map((f) => fs.readFileSync(path.join(work, "mail", f), "utf8")).filter((m) => m.includes("bengtsfors@demo.avtalsregistret.se") && /godk/i.test(m));
    await expect.poll(() => mails().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(mails()).toHaveLength(1);
  }
});

test("a file uploaded through one instance downloads byte for byte from the other", async ({ browser }) => {
  const analyst = await signedIn(browser, A, "analytiker@demo.avtalsregistret.se");
  const pdf = Buffer.from(samplePdf(`two instances ${Date.now()}`));
  await analyst.goto(`${A}/sources?q=Kommunala+partnerskap`);
  await analyst.getByRole("link", { name: /^Kommunala partnerskap/ }).first().click();
  await analyst.getByLabel("Bifoga filer").setInputFiles({ name: "tva-instanser.pdf", mimeType: "application/pdf", buffer: pdf });
  await analyst.getByRole("button", { name: "Ladda upp" }).click();
  const href = (await analyst.getByRole("link", { name: /tva-instanser\.pdf/ }).first().getAttribute("href"))!;

  const fromB = await analyst.request.get(`${B}${href}`);
  expect(fromB.status()).toBe(200);
  const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
  expect(sha(await fromB.body())).toBe(sha(pdf));
  const anonymous = await (await browser.newContext()).request.get(`${B}${href}`);
  expect(anonymous.status()).toBe(401);
});

test("a change imported through one instance is served by the other on its very next request: register, agreement page, data file", async ({ browser, playwright }) => {
  const designation = `Tva-instanser-${Date.now()}`;
  const visitor = await playwright.request.newContext();
  const search = `${B}/avtal?q=${encodeURIComponent(designation)}`;
  // Fill B's caches first: the register search, the dashboard, the live data file.
  const rowLink = /href="\/avtal\/[a-z0-9-]+-[0-9a-f]{8}"/;
  expect(await (await visitor.get(search)).text()).not.toMatch(rowLink);
  const statistik = await (await visitor.get(`${B}/statistik`)).text();
  expect(await (await visitor.get(`${B}/data/current/agreements.csv`)).text()).not.toContain(designation);

  const analyst = await signedIn(browser, A, "analytiker@demo.avtalsregistret.se");
  const csv = `swedish_party,foreign_party,kind,designation\nMora,Wuhan,other,${designation}\n`;
  const imported = await analyst.request.post(`${A}/api/agreements/import`, {
    headers: { Origin: A },
    multipart: { mode: "commit", file: { name: "tva-instanser.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } },
  });
  expect(imported.status(), await imported.text()).toBe(202);
  const { jobId } = (await imported.json()) as { jobId: string };
  await expect
    .poll(async () => ((await (await analyst.request.get(`${A}/api/agreements/import/${jobId}`)).json()) as { status: string }).status, { timeout: 30_000, intervals: [100] })
    .toBe("done");

  // No waiting, no retry: the first request after the commit.
  const register = await (await visitor.get(search)).text();
  const href = register.match(rowLink)?.[0].slice(6, -1);
  expect(href, "the new agreement is in B's register").toBeTruthy();
  expect(await (await visitor.get(`${B}${href}`)).text()).toContain(designation);
  expect(await (await visitor.get(`${B}/data/current/agreements.csv`)).text()).toContain(designation);
  // A new agreement without events changes the dashboard's count of agreements without a status.
  expect(await (await visitor.get(`${B}/statistik`)).text()).not.toBe(statistik);
  await visitor.dispose();
});

test("a public page served twice by each instance, the second time from its cache, carries a fresh CSP nonce that its scripts use, and the security headers", async ({ playwright }) => {
  const visitor = await playwright.request.newContext();
  const nonces = new Set<string>();
  const served: (string | undefined)[] = [];
  for (const base of [A, B, A, B]) {
    const res = await visitor.get(`${base}/statistik`);
    expect(res.status()).toBe(200);
    const headers = res.headers();
    served.push(headers["x-avtal-cache"]);
    const nonce = headers["content-security-policy"]?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce, "a nonce in the CSP").toBeTruthy();
    nonces.add(nonce!);
    const html = await res.text();
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
  expect(nonces.size).toBe(4);
  // The second time each instance answers from its response cache (scripts/lib/page-cache.mjs), nonce renewed.
  expect(served.slice(2)).toEqual(["hit", "hit"]);
  await visitor.dispose();
});
