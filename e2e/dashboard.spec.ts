import AxeBuilder from "@axe-core/playwright";
import { expect, storageStateFor, test } from "./fixtures";

// The dashboard on the seeded report dataset. Other specs log changes in the same database;
// these look at 2016 and 2021 (history that no spec rewrites) and at the report's figures.

test.use({ storageState: storageStateFor("analyst") });

test("the seeded dashboard shows the report's headline figures, with the differences explained", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Översikt", level: 1 })).toBeVisible();
  const figure = (id: string) => page.getByTestId(`report-${id}`).getByTestId("report-value");
  await expect(figure("twin2016")).toHaveText("41");
  await expect(figure("peakYear")).toHaveText("2016");
  await expect(figure("total2016")).toHaveText("50");
  await expect(figure("twin2021")).toHaveText("28");
  await expect(figure("partnership2021")).toHaveText("1");
  await expect(figure("total2021")).toHaveText("29");
  await expect(figure("partnershipsEver")).toHaveText("9");
  await expect(figure("endings2017to2021")).toHaveText("21");
  await expect(figure("endingsByCounterpart")).toHaveText("1");
  await expect(figure("pauses2017to2021")).toHaveText("4");
  await expect(page.getByTestId("report-total2016")).toContainText("texten: 49");
  await expect(page.getByTestId("report-pauses2017to2021")).toContainText("texten: 5");
  await expect(page.getByTestId("report-pauses2017to2021")).toContainText("Länsstyrelsen i Uppsala län");
  await expect(page.getByTestId("counting-rules")).toContainText("Ett avtal som avslutas år Y räknas alltså inte år Y.");
  // The charts are drawn (bars are links to their agreements).
  await expect(page.getByTestId("chart-in-force").getByRole("link", { name: "2016, Vänortssamarbete: 41" })).toBeAttached();
  await page.screenshot({ path: "screenshots/dashboard-sv.png", fullPage: true });
  // Closer looks, one part at a time.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId("chart-in-force").screenshot({ path: "screenshots/dashboard-sv-in-force.png" });
  await page.getByTestId("chart-changes").screenshot({ path: "screenshots/dashboard-sv-changes.png" });
  await page.getByTestId("report-figures").screenshot({ path: "screenshots/dashboard-sv-report.png" });
  await page.getByTestId("chart-now-county").screenshot({ path: "screenshots/dashboard-sv-county.png" });
  // The longest county bar ends before the axis does, and every total written at a bar's end fits in the chart, wide and narrow.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const county = page.getByTestId("chart-now-county");
    await expect(county.locator(".recharts-label-list text").first()).toBeVisible();
    const fit = await county.evaluate((el) => {
      const right = (selector: string) => Math.max(...[...el.querySelectorAll(selector)].map((e) => e.getBoundingClientRect().right));
      return { bars: right('[data-testid="bar-now-county"]'), totals: right(".recharts-label-list text"), axis: right(".recharts-xAxis .recharts-cartesian-axis-line"), chart: right(".recharts-wrapper > svg") };
    });
    expect(fit.bars, `${width} px`).toBeLessThan(fit.axis - 8);
    expect(fit.totals, `${width} px`).toBeLessThanOrEqual(fit.chart);
    // The totals are written in the text colour (AA contrast), not the label's default grey.
    expect(await county.locator(".recharts-label-list text").first().evaluate((e) => getComputedStyle(e).fill)).toBe("rgb(27, 31, 36)");
    await county.screenshot({ path: `screenshots/dashboard-sv-county-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId("chart-now-province").screenshot({ path: "screenshots/dashboard-sv-province.png" });
  await page.getByTestId("counting-rules").screenshot({ path: "screenshots/dashboard-sv-rules.png" });
  await page.locator("form[method=get]").screenshot({ path: "screenshots/dashboard-sv-filters.png" });
});

test("a click on a bar lists exactly the agreements behind it, each with its event and sources", async ({ page }) => {
  await page.goto("/dashboard");
  const chart = page.getByTestId("chart-in-force");
  await chart.getByRole("link", { name: "2016, Vänortssamarbete: 41" }).click();
  await expect(page).toHaveURL(/\/dashboard\/drilldown\?.*series=inForce.*year=2016.*kind=twin_city/);
  await expect(page.getByTestId("drilldown-count")).toHaveText("41 rader");
  const rows = page.getByTestId("drilldown-row");
  await expect(rows).toHaveCount(41);
  // Every one is a twin-city agreement in force at the end of 2016: not Falun–Nanjing (ended 2007),
  // but Överkalix–Zhuji (ended at an unknown date) and Borlänge–Wuhan (ended 2019).
  await expect(rows.filter({ hasText: "Partnerskap" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "Falun" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "Överkalix – Zhuji" })).toContainText("Avslutat");
  await expect(rows.filter({ hasText: "Överkalix – Zhuji" })).toContainText("okänt datum");
  // One citation for the rows that share it: the report is listed once, and each row points at its number.
  const references = page.getByTestId("drilldown-references");
  await expect(references.locator("li").filter({ hasText: "Lokal frost i relationerna" })).toHaveCount(1);
  const reportRef = await references.locator("li").filter({ hasText: "Lokal frost i relationerna" }).getAttribute("id");
  await expect(rows.filter({ hasText: "Borlänge – Wuhan" }).first().locator(`a[href="#${reportRef}"]`)).toBeVisible();
  expect(await page.locator(`a[href="#${reportRef}"]`).count()).toBeGreaterThan(10);
  // Sortable: a click on a column's heading sorts by it, and the heading says which way.
  const table = page.getByTestId("drilldown");
  await expect(table.getByRole("columnheader", { name: "Avtal" })).toHaveAttribute("aria-sort", "ascending");
  const counties = async () => (await rows.locator("td:nth-child(2)").allInnerTexts()).filter((c) => c !== "–");
  const bySwedish = (a: string, b: string) => a.localeCompare(b, "sv");
  await table.getByRole("button", { name: "Län" }).click();
  await expect(table.getByRole("columnheader", { name: "Län" })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("columnheader", { name: "Avtal" })).not.toHaveAttribute("aria-sort");
  expect(await counties()).toEqual((await counties()).toSorted(bySwedish));
  await table.getByRole("button", { name: "Län" }).click();
  await expect(table.getByRole("columnheader", { name: "Län" })).toHaveAttribute("aria-sort", "descending");
  const descending = await counties();
  expect(descending).toEqual(descending.toSorted(bySwedish).reverse());
  expect(descending[0]).not.toEqual(descending.at(-1));
  await table.getByRole("button", { name: "Avtal" }).click();
  await page.screenshot({ path: "screenshots/dashboard-drilldown-sv.png", fullPage: true });
  await page.screenshot({ path: "screenshots/dashboard-drilldown-sv-top.png" });

  // The same cell by band: 25 active + 15 dormant + 1 ended at an unknown date.
  await page.goto("/dashboard");
  await chart.getByRole("radio", { name: "Status" }).check();
  await chart.getByRole("link", { name: "2016, Avslutat, okänt när: 1" }).click();
  await expect(page.getByTestId("drilldown-row")).toHaveCount(1);
  await expect(page.getByTestId("drilldown-row")).toContainText("Överkalix – Zhuji");
});

test("the table view of a chart holds the same figures, each linked to its list", async ({ page }) => {
  await page.goto("/dashboard");
  const chart = page.getByTestId("chart-changes");
  await chart.getByText("Visa som tabell").click();
  const row2019 = chart.getByRole("row", { name: /^2019/ });
  // 2019: six endings, one of them by the counterpart (Region Kronoberg–Suzhou); Skövde only went dormant.
  await expect(row2019.getByRole("cell").nth(0)).toHaveText("6");
  await row2019.getByRole("link", { name: "6" }).first().click();
  await expect(page.getByTestId("drilldown-row")).toHaveCount(6);
  await expect(page.getByTestId("drilldown")).toContainText("Avslutat av motparten");
});

test("time travel: as of a day in the world, and as recorded before anything was recorded", async ({ page }) => {
  await page.goto("/dashboard?asOf=2016-12-31&from=2010");
  await expect(page.getByTestId("time-travel")).toContainText("Läge per 31 december 2016");
  await expect(page.getByRole("heading", { name: "Läget 31 december 2016" })).toBeVisible();
  // In force at the end of 2016: 41 twin cities + 9 partnerships; the stat cards count them by state.
  const stat = (state: string) => page.getByTestId(`now-${state}`);
  const sum = async (states: string[]) => {
    let n = 0;
    for (const s of states) if ((await stat(s).count()) > 0) n += Number((await stat(s).locator("span").first().textContent()) ?? 0);
    return n;
  };
  expect(await sum(["active", "dormant", "paused", "partially_terminated", "ended_unknown"])).toBe(50);

  // The seeded events were recorded when the server started: as recorded on 1 January 2020 the registry held none.
  await page.goto("/dashboard?recordedOn=2020-01-01");
  await expect(page.getByTestId("time-travel")).toContainText("Som registret såg ut 1 januari 2020");
  await expect(page.getByTestId("now-total").locator("span").first()).toHaveText("0");
});

test("a bad date is refused with a specific message, and what was typed stays", async ({ page }) => {
  await page.goto("/dashboard?asOf=2021-02-30&from=2030&to=2020");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("Urvalet kunde inte användas");
  await expect(page.getByText("Ange ett datum som ÅÅÅÅ-MM-DD.")).toBeVisible();
  await expect(page.getByText("Till-året kan inte ligga före från-året.")).toBeVisible();
  await expect(page.getByLabel("Från år")).toHaveValue("2030");
});

test("the dashboard in English", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByTestId("report-twin2016")).toContainText("Twin-city agreements in force in 2016");
  await expect(page.getByTestId("chart-in-force").getByRole("link", { name: "2016, Twin-city agreement: 41" })).toBeAttached();
  await page.screenshot({ path: "screenshots/dashboard-en.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "screenshots/dashboard-en-top.png" });
  await page.getByTestId("chart-changes").getByRole("radio", { name: "Ended: reason" }).check();
  await page.getByTestId("chart-changes").screenshot({ path: "screenshots/dashboard-en-changes-reason.png" });
  await page.getByTestId("chart-now-kind").screenshot({ path: "screenshots/dashboard-en-now-kind.png" });
  await page.getByTestId("chart-now-reasons").screenshot({ path: "screenshots/dashboard-en-reasons.png" });
  await page.getByTestId("report-twin2021").getByTestId("report-value").click();
  await expect(page.getByTestId("drilldown-count")).toHaveText("28 rows");
  await page.screenshot({ path: "screenshots/dashboard-drilldown-en.png", fullPage: true });
  await page.screenshot({ path: "screenshots/dashboard-drilldown-en-top.png" });
});

test("axe finds no serious or critical problem on the dashboard and a drill-down", async ({ page }) => {
  for (const url of ["/dashboard", "/dashboard/drilldown?series=inForce&year=2016&kind=twin_city"]) {
    await page.goto(url);
    await page.getByTestId("chart-in-force").or(page.getByTestId("drilldown")).first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), url).toEqual([]);
  }
});

test.describe("the JSON endpoints", () => {
  test("answer a signed-in user with the series, and refuse a bad query with the field", async ({ request }) => {
    const res = await request.get("/api/dashboard/in-force?from=2016&to=2016&kind=twin_city");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.rows.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(41);
    const bad = await request.get("/api/dashboard/now?asOf=2021-13-01");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ asOf: "dashboard.errors.date" });
    const csv = await request.get("/api/dashboard/in-force?from=2016&to=2016&format=csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("year,kind,state,count");
  });

  test("refuse a request without a session with 401", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const res = await anonymous.get("/api/dashboard/in-force");
    expect(res.status()).toBe(401);
    await anonymous.dispose();
  });
});

// "An analyst logs a termination and the dashboard's current count drops by one": e2e/dashboard-live.spec.ts.
