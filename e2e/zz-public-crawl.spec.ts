import { type Browser } from "@playwright/test";
import { ACCOUNTS, expect, storageStateFor, test } from "./fixtures";

// What a visitor without an account must never see: the test writes its own internal values (an
// agreement's note, a proposal's summary, a review comment, a confidential interview's details)
// and crawls every public page and data file for them. Runs last (file order), so that its
// proposal on a Bengtsfors agreement does not enter the review spec's queue.

const SECRET = {
  note: "INTERN-ANTECKNING-E2E-7731",
  summary: "HEMLIGT-FORSLAG-E2E-7731",
  comment: "HEMLIG-KOMMENTAR-E2E-7731",
  interviewer: "Hemligsson Intervjuare E2E",
  quote: "Hemligt citat från intervjun E2E",
};


async function signedIn(browser: Browser, role: "analyst" | "official" | "reviewer") {
  return (await browser.newContext({ storageState: storageStateFor(role) })).newPage();
}

test("nothing internal reaches a signed-out visitor: a crawl of every public page and data file", async ({ browser, playwright, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  // Each attempt imports its own agreement: a retry must not find the first attempt's events on it.
  const designation = `Publiceringstest-${testInfo.retry}-${Date.now()}`;
  // Internal values of the test's own: an imported agreement with a note, a confidential interview on its event.
  const analyst = await signedIn(browser, "analyst");
  // The import reads a CSV file as the user saved it, and commits as a background job.
  const csv = `swedish_party,foreign_party,kind,designation,notes\nMora,Wuhan,other,${designation},"${SECRET.note}"\n`;
  const imported = await analyst.request.post("/api/agreements/import", {
    headers: { origin: baseURL! },
    multipart: { mode: "commit", file: { name: "publiceringstest.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } },
  });
  expect(imported.status(), await imported.text()).toBe(202);
  const { jobId } = (await imported.json()) as { jobId: string };
  await expect
    .poll(async () => ((await (await analyst.request.get(`/api/agreements/import/${jobId}`)).json()) as { status: string }).status, { timeout: 30_000 })
    .toBe("done");
  await analyst.goto(`/agreements?q=${designation}`);
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
  // Named, not the form's default: the review spec before this one may already have resumed the agreement.
  await official.getByLabel("Status", { exact: true }).selectOption({ label: "Avslutat" });
  await official.getByLabel("Datum då ändringen gällde").fill("2023-02-01");
  await official.getByLabel("Beslutande organ").fill("Kommunstyrelsen");
  await official.getByLabel("Sammanträdesdatum").fill("2023-02-01");
  await official.getByLabel("Paragraf", { exact: true }).fill("§ 9");
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

