import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { seedId } from "../db/seed/ids";
import { expect, storageStateFor, test, type AccountRole } from "./fixtures";

// No page shows a message key, a code or a raw timestamp: every role (and a signed-out visitor)
// crawls every page it can reach by links, in both languages, and each page's visible text is
// checked for dotted identifiers (`source.attach`, `registry.fields.funding`), snake_case codes
// (`twin_city`), bare field names in their own cell (`funding`) and ISO date-times
// (`2026-12-01T20:50`, `2026-12-01 20:50`), which one date-time format (lib/i18n/date-format.ts)
// replaces everywhere.

type Role = AccountRole | "visitor";
const ROLES: Role[] = ["admin", "analyst", "reviewer", "official", "visitor"];
const LANGUAGES = ["sv", "en"] as const;

// The records the first test changes are where history and activity show action and field names.
const PITEA = seedId("agreement", "pitea-dongying-twin");
const SOURCE_FILE = "e2e/.auth/message-keys-source.txt";
const recorded = [`/agreements/${PITEA}`, `/history/agreement/${PITEA}`];
const START: Record<Role, string[]> = {
  admin: ["/admin", "/admin/users", "/admin/audit", "/admin/outbox", "/admin/settings", "/admin/users/new", "/agreements", "/activity"],
  analyst: [...recorded, "/agreements", "/dashboard", "/activity", "/sources", "/organizations", "/review", "/agreements/new", "/agreements/import", "/notifications"],
  reviewer: [...recorded, "/review", "/agreements", "/dashboard", "/activity", "/notifications"],
  official: ["/home", "/agreements", "/review", "/notifications"],
  visitor: ["/", "/avtal", "/statistik", "/data", "/organisationer", "/login"],
};

// Words that look like identifiers but are not: file names, domains, abbreviations.
const ALLOWED_DOTTED = /^(?:[\w-]+\.(?:se|com|org|net|cn|eu|gov|int|json|csv|xlsx|pdf|svg|png|txt|zip|xml|bib|cff|md|jsonld|html|invalid|local|ttl|gz))$/;
const FIELD_NAMES = new Set([
  "swedishOrgId", "foreignOrgId", "designation", "established", "establishedOn", "establishedPrecision", "funding", "areas", "notes",
  "kind", "status", "effectiveOn", "precision", "supersedesId", "citation", "title", "body", "meetingDate", "paragraph", "diarienummer",
  "correspondent", "interviewNumber", "interviewer", "outlet", "author", "issuer", "date", "datePrecision", "publishedOn", "url",
  "retrievedOn", "visibility", "footnotes", "name", "shortName", "officialCode", "countyCode", "nameNative", "level", "parentId", "countryCode",
]);

/** The problems in a page's visible text, as "what: where" lines. */
async function problems(page: Page): Promise<string[]> {
  const { text, cells } = await page.evaluate(() => {
    // Code is shown as code on purpose (the import's column names, a file's contents).
    for (const el of document.querySelectorAll("code, pre, kbd, samp")) el.textContent = "";
    const cells: string[] = [];
    for (const el of document.querySelectorAll("th, td, dt, dd, li, span, strong, p, h1, h2, h3, label, option, button, a, caption, legend")) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("").trim();
      if (own && (el as HTMLElement).offsetParent !== null) cells.push(own);
    }
    return { text: `${document.title}\n${document.body.innerText}`, cells };
  });
  const found: string[] = [];
  // URLs, e-mail addresses and paths are not words of the interface.
  const words = text.replace(/\bhttps?:\/\/\S+/g, " ").replace(/\S+@\S+/g, " ").replace(/(?:^|\s)\/\S*/g, " ");
  for (const m of words.matchAll(/\b[a-z][a-zA-Z_]+(?:\.[a-zA-Z_]{2,})+\b/g)) {
    if (ALLOWED_DOTTED.test(m[0]) || /^(?:www|demo|avtalsregistret)\./.test(m[0])) continue;
    found.push(`message key "${m[0]}"`);
  }
  for (const m of words.matchAll(/\b[a-z]+_[a-z_]+\b/g)) found.push(`code "${m[0]}"`);
  for (const m of words.matchAll(/\b\d{4}-\d{2}-\d{2}(?:T| )\d{2}:\d{2}/g)) found.push(`ISO date-time "${m[0]}"`);
  for (const cell of cells) if (FIELD_NAMES.has(cell)) found.push(`field name "${cell}"`);
  return [...new Set(found)];
}

/** Same-site page links, one page per path shape (ids replaced), without downloads and APIs. */
function pattern(path: string): string {
  const url = new URL(path, "http://x");
  const shape = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id").replace(/\/\d+(?=\/|$)/g, "/:n");
  return `${shape}?${[...url.searchParams.keys()].sort().join("&")}`;
}
const SKIP = /^\/(?:api|_next|inbaddning)\/|\.(?:csv|json|xlsx|zip|svg|png|bib|cff|jsonld|ttl|xml|txt)(?:\?|$)|^\/data\/(?:current|releases\/[^/]+)\/|\/attachments\//;

async function crawl(browser: Browser, role: Role, language: "sv" | "en", baseURL: string) {
  const context = await browser.newContext(role === "visitor" ? {} : { storageState: storageStateFor(role) });
  await context.addCookies([{ name: "locale", value: language, url: baseURL }]);
  // The text is rendered on the server; without scripts and images a page costs the browser little.
  await context.route(/\/_next\/static\/.*\.js$|\.(?:png|jpg|svg|woff2?)$/, (route) => route.abort());
  const page = await context.newPage();
  const source = role !== "visitor" && fs.existsSync(SOURCE_FILE) ? [fs.readFileSync(SOURCE_FILE, "utf8"), `/history/source/${fs.readFileSync(SOURCE_FILE, "utf8").split("/").at(-1)}`] : [];
  const queue = [...source, ...START[role]];
  const seen = new Set(queue);
  const perShape = new Map<string, number>();
  const report: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < 70) {
    const path = queue.shift()!;
    const shape = pattern(path);
    if ((perShape.get(shape) ?? 0) >= 1) continue;
    perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
    const response = await page.goto(path, { waitUntil: "domcontentloaded" });
    if (!response || !(response.headers()["content-type"] ?? "").includes("html")) continue;
    visited++;
    for (const p of await problems(page)) report.push(`${p} on ${path}`);
    const links = await page.locator("a[href]:not([download])").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const url = new URL(href, baseURL);
      if (url.origin !== new URL(baseURL).origin) continue;
      const next = url.pathname + url.search;
      if (SKIP.test(next) || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  await context.close();
  return { visited, report };
}

test("records to look at: an edited agreement, a new source, a changed visibility", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: storageStateFor("analyst") });
  const page = await context.newPage();
  await page.goto(`/agreements/${seedId("agreement", "pitea-dongying-twin")}/edit`);
  await page.getByLabel("Finansiering").fill(`Egen budget ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  // Saves on a loaded machine may take a while; the crawl is what this file tests.
  await expect(page.getByRole("status").filter({ hasText: "Ändringarna har sparats." })).toBeVisible({ timeout: 30_000 });
  await page.goto("/sources/new");
  await page.getByLabel("Typ av källa").selectOption("web_page");
  await page.getByLabel("Webbadress").fill(`https://example.se/meddelandenycklar-${Date.now().toString(36)}`);
  await page.getByLabel("Titel").fill("Sida om meddelandenycklar");
  await page.getByRole("button", { name: "Spara källan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sida om meddelandenycklar", { timeout: 30_000 });
  await page.getByLabel("Synlighet").selectOption("public");
  await page.getByRole("button", { name: "Ändra synlighet" }).click();
  await expect(page.getByTestId("source-visibility")).toHaveText("Publik", { timeout: 30_000 });
  fs.writeFileSync(SOURCE_FILE, new URL(page.url()).pathname);
  await context.close();
});

// Both catalogues have the same keys (lib/i18n/messages.test.ts), so a key or code that leaks
// leaks in both languages: every role crawls in Swedish, and the two widest crawls (the public
// visitor's and the analyst's) in English too, which keeps the suite's time in bounds.
const ENGLISH_CRAWLS: ReadonlySet<Role> = new Set(["visitor", "analyst"]);

for (const role of ROLES) {
  for (const language of LANGUAGES.filter((l) => l === "sv" || ENGLISH_CRAWLS.has(role))) {
    test(`no message keys, codes or raw timestamps on any page: ${role}, ${language}`, async ({ browser, baseURL }) => {
      test.setTimeout(240_000);
      const { visited, report } = await crawl(browser, role, language, baseURL!);
      expect(visited).toBeGreaterThan(role === "visitor" ? 4 : 3);
      expect(report).toEqual([]);
    });
  }
}
