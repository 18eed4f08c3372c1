import type { Browser, Page } from "@playwright/test";
import { seedId } from "../db/seed/ids";
import { DEMO_PASSWORD, expect, storageStateFor, test } from "./fixtures";

// Check-in campaigns (issue 11, item 6): an analyst starts a campaign over Västra Götaland's
// kommuner with agreements, with a preview of how many it reaches; the campaign page shows each
// organisation's status and the response rate; an official of one of them confirms from home and
// the page counts the answer; closing keeps the record. Screenshots at 1440 and 390 px.

const VARA = seedId("swedish-org", "kommun:1470");
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function open(browser: Browser, storageState: string | { cookies: []; origins: [] }, viewport = WIDE): Promise<Page> {
  const context = await browser.newContext({ storageState, viewport, locale: "sv-SE" });
  return context.newPage();
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
}

test("an analyst starts a campaign, sees where each organisation stands, an official's confirmation counts, and closing keeps the record", async ({ browser }) => {
  // An official of Vara, who will answer.
  const admin = await open(browser, storageStateFor("admin"));
  const email = `vara-${Date.now()}@example.se`;
  const created = await admin.request.post("/api/admin/users", {
    data: { name: "Vera Tjänsteperson Vara", email, password: DEMO_PASSWORD, roles: ["municipal_official"], organizationId: VARA },
  });
  expect(created.status()).toBe(201);

  const analyst = await open(browser, storageStateFor("analyst"));
  await analyst.goto("/campaigns");
  await expect(analyst.getByRole("heading", { level: 1 })).toHaveText("Avstämningskampanjer");
  await expect(analyst.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kampanjer" })).toHaveAttribute("aria-current", "page");
  await analyst.getByRole("link", { name: "Ny kampanj" }).click();

  const title = `Årlig avstämning 2026 (${Date.now()})`;
  await analyst.getByLabel("Rubrik").fill(title);
  await analyst.getByLabel("Meddelande på svenska").fill("Hej! Stämmer det registret säger om era avtal? Bekräfta eller föreslå en ändring.");
  await analyst.getByLabel("Meddelande på engelska (valfritt)").fill("Hello! Is what the registry says about your agreements right?");
  await analyst.getByLabel("Påminnelse efter (dagar)").fill("10");
  await analyst.getByLabel("Region", { exact: true }).uncheck();
  await analyst.getByLabel("Länsstyrelse", { exact: true }).uncheck();
  await analyst.getByLabel("Län", { exact: true }).selectOption({ label: "Västra Götalands län" });
  // The report's dataset: eight kommuner of Västra Götaland have agreements (this spec runs
  // before any spec that adds agreements).
  const count = 8;
  const preview = analyst.getByTestId("selection-preview");
  await expect(preview).toContainText(`Urvalet omfattar ${count} organisationer`);
  await expect(preview).toContainText("Bengtsfors");
  await analyst.screenshot({ path: "screenshots/campaign-new-1440.png", fullPage: true });

  await analyst.getByRole("button", { name: "Starta kampanjen" }).click();
  await analyst.waitForURL(/\/campaigns\/[0-9a-f-]{36}/);
  const campaignUrl = new URL(analyst.url()).pathname;
  await expect(analyst.getByRole("status")).toContainText("Kampanjen har startat");
  await expect(analyst.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(analyst.getByTestId("response-rate")).toHaveText(`0 av ${count} har svarat`);
  const rows = analyst.getByTestId("campaign-organization");
  await expect(rows).toHaveCount(count);
  await expect(rows.filter({ hasText: "Bengtsfors" }).getByTestId("campaign-org-status")).toHaveText(/Väntar på leverans|Levererat, inget svar/);
  await expect(rows.filter({ hasText: "Vara" }).getByTestId("campaign-org-status")).toHaveText(/Väntar på leverans|Levererat, inget svar/);
  await expect(rows.filter({ hasText: "Svenljunga" }).getByTestId("campaign-org-status")).toHaveText("Ingen mottagare");

  // The e-mail is in the outbox, with the link to the official's home.
  await admin.goto("/admin/outbox");
  const mail = admin.getByTestId("outbox-row").filter({ hasText: email });
  await expect(mail).toContainText(title);

  // The official of Vara signs in, lands on the home and says nothing has changed.
  const official = await open(browser, { cookies: [], origins: [] });
  await official.goto("/login");
  await official.getByLabel(/E-postadress/).fill(email);
  await official.getByLabel(/Lösenord/).fill(DEMO_PASSWORD);
  await official.getByRole("button", { name: "Logga in" }).click();
  await official.waitForURL("**/home");
  await analyst.reload();
  await expect(rows.filter({ hasText: "Vara" }).getByTestId("campaign-org-status")).toHaveText("Loggat in");
  const card = official.getByTestId("home-agreement").first();
  await card.getByRole("button", { name: "Inget har ändrats" }).click();
  await expect(card.getByRole("status")).toHaveText("Bekräftat.");

  await analyst.reload();
  await expect(rows.filter({ hasText: "Vara" }).getByTestId("campaign-org-status")).toHaveText("Bekräftat");
  await expect(analyst.getByTestId("response-rate")).toHaveText(`1 av ${count} har svarat`);
  await analyst.screenshot({ path: "screenshots/campaign-page-1440.png", fullPage: true });
  const header = await analyst.getByRole("banner").boundingBox();
  expect(header!.height, "the analyst's header is one row at 1440 px").toBeLessThanOrEqual(64);

  // On a phone: nothing scrolls sideways but the tables, inside their own boxes.
  const phone = await open(browser, storageStateFor("analyst"), PHONE);
  await phone.goto(campaignUrl);
  await expect(phone.getByTestId("response-rate")).toHaveText(`1 av ${count} har svarat`);
  await expectNoSidewaysScroll(phone);
  await phone.screenshot({ path: "screenshots/campaign-page-390.png", fullPage: true });
  await phone.goto("/campaigns/new");
  await expect(phone.getByTestId("selection-preview")).toContainText(/Urvalet omfattar/);
  await expectNoSidewaysScroll(phone);
  await phone.screenshot({ path: "screenshots/campaign-new-390.png", fullPage: true });
  await phone.goto("/campaigns");
  await expectNoSidewaysScroll(phone);
  await phone.screenshot({ path: "screenshots/campaigns-390.png", fullPage: true });

  // Officials never see campaigns (a campaign's page lists other organisations).
  const refused = await official.goto(campaignUrl);
  expect(refused?.status()).toBe(403);
  await expect(official.getByTestId("refusal-reason")).toHaveText("Bara personal kan se kampanjer.");

  // Closing keeps the record.
  analyst.once("dialog", (dialog) => dialog.accept());
  await analyst.getByRole("button", { name: "Stäng kampanjen" }).click();
  await expect(analyst.getByText("Kampanjen är stängd.")).toBeVisible();
  await expect(analyst.getByRole("button", { name: "Stäng kampanjen" })).toHaveCount(0);
  await expect(analyst.getByTestId("response-rate")).toHaveText(`1 av ${count} har svarat`);
  await analyst.goto("/campaigns");
  const listed = analyst.getByTestId("campaign-row").filter({ hasText: title });
  await expect(listed).toContainText("Stängd");
  await expect(listed).toContainText(`1 av ${count} har svarat`);
  await analyst.screenshot({ path: "screenshots/campaigns-1440.png", fullPage: true });

  for (const p of [admin, analyst, official, phone]) await p.context().close();
});
