import ExcelJS from "exceljs";
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The public register as a visitor without an account sees it (the crawl for internal values is
// in zz-public-crawl.spec.ts, last, so that its proposal does not enter other specs' queues).


async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}


test("an anonymous visitor searches Wuhan, reads Borlänge–Wuhan with its events and sources, the statistics, and downloads the data", async ({ page }) => {
  test.setTimeout(90_000);
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
