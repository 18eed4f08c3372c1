import ExcelJS from "exceljs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, expect, storageStateFor, test } from "./fixtures";

// The public register as a visitor without an account sees it, and what it must never show:
// the test writes its own internal values (an agreement's note, a proposal's summary, a
// review comment, a confidential interview's details) and crawls every public page for them.

const SECRET = {
  note: "INTERN-ANTECKNING-E2E-7731",
  summary: "HEMLIGT-FORSLAG-E2E-7731",
  comment: "HEMLIG-KOMMENTAR-E2E-7731",
  interviewer: "Hemligsson Intervjuare E2E",
  quote: "Hemligt citat från intervjun E2E",
};

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}

async function signedIn(browser: Browser, role: "analyst" | "official" | "reviewer") {
  return (await browser.newContext({ storageState: storageStateFor(role) })).newPage();
}

test("an anonymous visitor searches Wuhan, reads Borlänge–Wuhan with its events and sources, the statistics, and downloads the data", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("avtal med Kina");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel("Sök i registret").fill("Wuhan");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page).toHaveURL(/\/avtal\?q=Wuhan/);
  await page.getByRole("link", { name: /^Borlänge/ }).first().click();
  await expect(page).toHaveURL(/\/avtal\/borlange-wuhan-vanort-[0-9a-f]{8}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Borlänge – Wuhan");
  const events = page.getByTestId("public-events");
  await expect(events.locator("li").first()).toBeVisible();
  await expect(events).toContainText("Lokal frost i relationerna");
  await expect(page.getByRole("heading", { name: "Avtalets livslinje" })).toBeVisible();
  await expect(page.getByTestId("staff-view-link")).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "screenshots/public-agreement-sv.png", fullPage: true });

  await page.getByRole("link", { name: "Statistik" }).first().click();
  await expect(page.getByTestId("chart-in-force").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("report-figures")).toBeVisible();
  await expect(page.getByTestId("counting-rules")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.goto("/data");
  expect(await axeViolations(page)).toEqual([]);
  const csvDownload = page.waitForEvent("download");
  await page.getByTestId("download-agreements-csv").click();
  const csv = await (await csvDownload).createReadStream().then(async (s) => Buffer.concat(await s.toArray()));
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString("utf8").slice(1).trim().split(/\r\n/);
  expect(lines[0]!.startsWith("id,url,swedish_party_id,swedish_party,")).toBe(true);
  expect(lines.length - 1).toBeGreaterThanOrEqual(56);
  expect(csv.toString("utf8")).toContain("Borlänge");

  const xlsxDownload = page.waitForEvent("download");
  await page.getByTestId("download-xlsx").click();
  const xlsx = await (await xlsxDownload).createReadStream().then(async (s) => Buffer.concat(await s.toArray()));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Om datan", "agreements", "events", "sources", "evidence", "organisations"]);
  expect(wb.getWorksheet("agreements")!.rowCount - 1).toBeGreaterThanOrEqual(56);

  const pkg = await page.request.get("/data/latest/datapackage.json");
  expect(pkg.status()).toBe(200);
  const descriptor = (await pkg.json()) as { name: string; licenses: { name: string }[]; resources: { name: string; path: string; schema: { fields: { name: string }[] } }[] };
  expect(descriptor.name).toBe("avtalsregistret");
  expect(descriptor.licenses[0]!.name).toBe("CC-BY-4.0");
  const agreements = descriptor.resources.find((r) => r.name === "agreements")!;
  expect(agreements.schema.fields.map((f) => f.name).join(",")).toBe(lines[0]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/avtal?q=Wuhan");
  await page.screenshot({ path: "screenshots/public-register-390.png", fullPage: true });
});

test("nothing internal reaches a signed-out visitor: a crawl of every public page and data file", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  // Internal values of the test's own: an imported agreement with a note, a confidential interview on its event.
  const analyst = await signedIn(browser, "analyst");
  const imported = await analyst.request.post("/api/agreements/import", {
    headers: { "content-type": "application/json", origin: baseURL! },
    data: { mode: "commit", rows: [{ swedish_party: "Mora", foreign_party: "Wuhan", kind: "other", designation: "Publiceringstest", notes: SECRET.note }] },
  });
  expect(await imported.text()).toContain('"ok":true');
  await analyst.goto("/agreements?q=Publiceringstest");
  await analyst.getByRole("link", { name: /^Mora/ }).first().click();
  await analyst.getByRole("link", { name: "Registrera statusändring" }).click();
  await analyst.getByRole("combobox", { name: "Status" }).selectOption({ label: "Aktivt" });
  await analyst.getByLabel("Gäller från: Precision").selectOption("year");
  await analyst.getByLabel("Gäller från: År (ÅÅÅÅ)").fill("2019");
  await analyst.getByRole("button", { name: "+ Lägg till ny källa" }).click();
  const entry = analyst.getByTestId("source-entry").last();
  await entry.getByLabel("Typ av källa").selectOption("interview");
  await entry.getByLabel("Intervjunummer").fill("31");
  await entry.getByLabel("Intervjuare").fill(SECRET.interviewer);
  await entry.getByLabel(/^Datum.*: Precision$/).selectOption("year");
  await entry.getByLabel(/^Datum.*: År \(ÅÅÅÅ\)$/).fill("2020");
  await entry.getByLabel("Citat").fill(SECRET.quote);
  await analyst.getByRole("button", { name: "Spara händelsen" }).click();
  await expect(analyst.getByRole("heading", { level: 1 })).toContainText("Mora – Wuhan");
  const publicHref = await analyst.getByTestId("public-view-link").getAttribute("href");
  await analyst.getByRole("link", { name: "Källans sida" }).first().click();
  await expect(analyst.getByTestId("source-visibility")).toHaveText("Intern");
  await analyst.getByLabel("Synlighet").selectOption("confidential");
  await analyst.getByRole("button", { name: "Ändra synlighet" }).click();
  await expect(analyst.getByTestId("source-visibility")).toHaveText("Konfidentiell");

  // A proposal with a summary, and a reviewer's comment on it.
  const official = await signedIn(browser, "official");
  await official.goto("/agreements?q=Bengtsfors");
  await official.getByRole("link", { name: /^Bengtsfors/ }).first().click();
  await official.getByRole("link", { name: "Föreslå en ändring" }).click();
  await official.getByLabel("Datum då ändringen gällde").fill("2023-02-01");
  await official.getByLabel("Beslutande organ").fill("Kommunstyrelsen");
  await official.getByLabel("Sammanträdesdatum").fill("2023-02-01");
  await official.getByLabel("Paragraf (§)").fill("§ 9");
  await official.getByLabel("Diarienummer", { exact: true }).fill("KS 2023/0009");
  await official.getByLabel("Sammanfattning av förslaget").fill(SECRET.summary);
  await official.getByRole("button", { name: "Skicka förslag" }).click();
  await official.waitForURL(/\/review\/[0-9a-f-]{36}$/);
  const reviewer = await signedIn(browser, "reviewer");
  await reviewer.goto(official.url());
  await reviewer.getByLabel("Kommentar", { exact: true }).fill(SECRET.comment);
  await reviewer.getByRole("button", { name: "Skicka kommentar" }).click();
  await expect(reviewer.getByText(SECRET.comment)).toBeVisible();

  // The confidential source shows as its kind and year only.
  const visitor = await playwright.request.newContext({ baseURL });
  const page = await (await browser.newContext()).newPage();
  await page.goto(publicHref!);
  await expect(page.getByTestId("confidential-source")).toHaveText("Konfidentiell källa (intervju, 2020)");

  // Crawl: every same-site link from the start page and /data, signed out.
  const forbidden = [...Object.values(SECRET), ...Object.values(ACCOUNTS), "Demo Analytiker", "Demo Granskare", "Demo Tjänsteperson"];
  const queue = ["/", "/data", "/sitemap.xml", "/data/current/sources.csv", "/data/current/avtalsregistret.json", "/data/current/evidence.csv"];
  const seen = new Set<string>(queue);
  let crawled = 0;
  const visit = async (path: string) => {
    const res = await visitor.get(path, { maxRedirects: 0 });
    crawled++;
    if (res.status() >= 300 && res.status() < 400) return;
    expect(res.status(), path).toBeLessThan(400);
    const body = (await res.body()).toString("utf8");
    for (const secret of forbidden) expect(body.includes(secret), `${secret} on ${path}`).toBe(false);
    const type = res.headers()["content-type"] ?? "";
    const links = type.includes("html") ? [...body.matchAll(/href="([^"#]+)/g)].map((m) => m[1]!) : type.includes("xml") ? [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!) : [];
    for (const raw of links) {
      const url = new URL(raw.replace(/&amp;/g, "&"), baseURL);
      if (url.origin !== new URL(baseURL!).origin) continue;
      const next = url.pathname + url.search;
      if (next.startsWith("/_next/") || next.startsWith("/login") || next.startsWith("/agreements") || next.startsWith("/organizations") || next.startsWith("/dashboard") || next.includes("?")) continue;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  };
  // A few at a time: the server renders in parallel what it can.
  while (queue.length > 0) await Promise.all(queue.splice(0, 4).map(visit));
  expect(crawled).toBeGreaterThan(100);
  expect(seen.has(new URL(publicHref!, baseURL).pathname)).toBe(true);
});

test("each public chart exports as SVG and PNG with the whole chart: bars, title, axes, legend and source line", async ({ page }) => {
  await page.goto("/statistik");
  for (const chart of ["in-force", "changes"]) {
    const card = page.getByTestId(`chart-${chart}`);
    const title = (await card.getByRole("heading", { level: 3 }).textContent())!.trim();
    const svgDownload = page.waitForEvent("download");
    await card.getByRole("button", { name: "SVG" }).click();
    const svg = (await (await svgDownload).createReadStream().then(async (s) => Buffer.concat(await s.toArray()))).toString("utf8");
    expect(svg.length, chart).toBeGreaterThan(5000);
    expect(svg).toContain(title);
    expect(svg).toMatch(/Källa: Avtalsregistret, NKK, (release \d{4}\.\d+|data per \d{4}-\d{2}-\d{2})/);
    expect(svg).toContain('data-role="axis-label"');
    expect(svg).toMatch(/recharts-cartesian-axis-tick/);
    expect((svg.match(/recharts-rectangle/g) ?? []).length, `${chart}: bars`).toBeGreaterThan(10);
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    expect(width).toBeGreaterThan(500);

    const pngDownload = page.waitForEvent("download");
    await card.getByRole("button", { name: "PNG" }).click();
    const png = await (await pngDownload).createReadStream().then(async (s) => Buffer.concat(await s.toArray()));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(w).toBeGreaterThan(1000); // drawn at twice the size
    expect(h).toBeGreaterThan(600);
    // The bars are drawn: count the pixels of the first series' colour.
    const colored = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - data[i + 2]!) > 60 || Math.abs(data[i]! - data[i + 1]!) > 60) n++;
      return n;
    }, png.toString("base64"));
    expect(colored, `${chart}: coloured pixels`).toBeGreaterThan(5000);
  }
  await page.getByRole("radio", { name: "Status" }).first().check().catch(() => {});
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "locale", value: "en", url: page.url() }]);
  await page.reload();
  const enDownload = page.waitForEvent("download");
  await page.getByTestId("chart-in-force").getByRole("button", { name: "SVG" }).click();
  const en = (await (await enDownload).createReadStream().then(async (s) => Buffer.concat(await s.toArray()))).toString("utf8");
  expect(en).toMatch(/Source: Avtalsregistret, NKK, (release|data as of)/);

  const embed = await page.request.get("/inbaddning/in-force");
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
});
