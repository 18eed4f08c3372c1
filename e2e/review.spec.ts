import type { Browser, Page } from "@playwright/test";
import { samplePdf } from "../lib/attachments/sample-pdf";
import { expect, storageStateFor, test, type AccountRole } from "./fixtures";

async function contextFor(browser: Browser, role: AccountRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role), locale: "sv-SE" });
  return context.newPage();
}

async function openAgreement(page: Page, swedish: string, foreign: string) {
  await page.goto("/agreements");
  const row = page.getByRole("row").filter({ hasText: swedish }).filter({ hasText: foreign });
  await row.getByRole("link", { name: swedish }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${swedish} – ${foreign}`);
}

test("an official proposes, a reviewer asks for changes, the official revises, the reviewer approves", async ({ browser }) => {
  const official = await contextFor(browser, "official");
  const reviewer = await contextFor(browser, "reviewer");
  const analyst = await contextFor(browser, "analyst");

  // The official may not propose for another organisation's agreement.
  await openAgreement(official, "Malmö", "Tangshan");
  await expect(official.getByRole("link", { name: "Föreslå en ändring" })).toHaveCount(0);
  const malmoUrl = official.url();
  const response = await official.goto(`${malmoUrl}/propose`);
  expect(response?.status()).toBe(403);
  await expect(official.getByRole("button", { name: "Skicka förslag" })).toHaveCount(0);

  // A status claim without its evidence is refused in the form, and nothing is lost.
  await openAgreement(official, "Bengtsfors", "Wuzhou");
  await official.getByRole("link", { name: "Föreslå en ändring" }).click();
  await expect(official.getByLabel("Status", { exact: true })).toHaveValue("resumed");
  await official.getByLabel("Datum då ändringen gällde").fill("2022-03-14");
  await official.getByLabel("Beslutande organ").fill("Kommunstyrelsen");
  await official.getByLabel("Sammanträdesdatum").fill("2022-03-14");
  await official.getByLabel("Paragraf", { exact: true }).fill("§ 40");
  await official.getByLabel("Sammanfattning av förslaget").fill("Samarbetet med Wuzhou återupptas");
  await official.getByRole("button", { name: "Skicka förslag" }).click();
  await expect(official.locator(".field-error").filter({ hasText: "Bifoga protokollet eller ange dess diarienummer." })).toBeVisible();
  await expect(official.getByLabel("Paragraf", { exact: true })).toHaveValue("§ 40");
  await official.screenshot({ path: "screenshots/review-propose-error-sv.png", fullPage: true });
  await official.getByLabel("Diarienummer", { exact: true }).fill("KS 2022/0099");
  await official.getByLabel("Bifoga källan (frivilligt)").setInputFiles({
    name: "ks-2022-03-14.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(samplePdf("Kommunstyrelsen Bengtsfors 2022-03-14 §40")),
  });
  await official.getByRole("button", { name: "Skicka förslag" }).click();
  await official.waitForURL(/\/review\/[0-9a-f-]{36}$/);
  await expect(official.getByTestId("proposal-status")).toHaveText("Öppet");
  const proposalUrl = official.url();

  // The reviewer finds it in the queue and asks for changes.
  await reviewer.goto("/review");
  await expect(reviewer.getByTestId("notification-count")).toBeVisible();
  await expect(reviewer.getByTestId("proposal-row").filter({ hasText: "Bengtsfors – Wuzhou" })).toContainText("Öppet");
  await reviewer.screenshot({ path: "screenshots/review-queue-sv.png", fullPage: true });
  await reviewer.getByRole("link", { name: "Samarbetet med Wuzhou återupptas" }).click();
  await expect(reviewer.getByTestId("proposed-evidence")).toContainText("KS 2022/0099");
  await expect(reviewer.getByTestId("proposed-evidence").getByRole("link", { name: "ks-2022-03-14.pdf" })).toBeVisible();
  // The proposed event in the agreement's lifeline, and what the rules say about it.
  await expect(reviewer.getByTestId("proposal-lifeline-proposed")).toContainText("14 mars 2022: Återupptaget — föreslagen");
  await expect(reviewer.getByTestId("proposal-lifeline-events").locator("li")).not.toHaveCount(1);
  await expect(reviewer.getByTestId("proposal-rules")).toContainText("Reglerna tillåter ”Återupptaget”");
  await reviewer.screenshot({ path: "screenshots/review-proposal-sv.png", fullPage: true });
  await reviewer.getByLabel("Motivering (krävs för att avslå eller begära ändringar)").fill("Ange paragrafen utan mellanslag, som i protokollet: §40.");
  await reviewer.getByRole("button", { name: "Begär ändringar" }).click();
  await expect(reviewer.getByTestId("proposal-status")).toHaveText("Ändringar begärda");
  // A real confirmation, and the reason box is ready for the next one.
  await expect(reviewer.getByTestId("action-done")).toHaveText(/^Du har begärt ändringar\. Författaren har fått ditt meddelande/);
  await expect(reviewer.getByLabel("Motivering (krävs för att avslå eller begära ändringar)")).toHaveValue("");

  // The official is told, revises, and sends it back.
  await official.goto("/notifications");
  await expect(official.getByTestId("notification").first()).toContainText("begärde ändringar");
  await official.goto(proposalUrl);
  await expect(official.getByTestId("comment").filter({ hasText: "Begärde ändringar" })).toContainText("§40");
  await official.getByRole("link", { name: "Revidera förslaget" }).click();
  await expect(official.getByLabel("Diarienummer", { exact: true })).toHaveValue("KS 2022/0099");
  await official.getByLabel("Paragraf", { exact: true }).fill("§40");
  await official.getByRole("button", { name: "Skicka reviderat förslag" }).click();
  await official.waitForURL(proposalUrl);
  await expect(official.getByTestId("proposal-status")).toHaveText("Öppet");

  // The reviewer approves; the change is applied.
  await reviewer.goto(proposalUrl);
  // The reviewer sees what the second version changed.
  await expect(reviewer.getByTestId("version-changes").getByRole("row", { name: /Källa 1: Paragraf/ })).toContainText("§ 40");
  await expect(reviewer.getByTestId("version-changes").getByRole("row", { name: /Källa 1: Paragraf/ })).toContainText("§40");
  await reviewer.getByRole("button", { name: "Godkänn och verkställ" }).click();
  await expect(reviewer.getByTestId("proposal-status")).toHaveText("Godkänt");

  await openAgreement(analyst, "Bengtsfors", "Wuzhou");
  const resumed = analyst.getByTestId("status-event").filter({ hasText: "Återupptaget" });
  await expect(resumed).toContainText("14 mars 2022");
  await expect(resumed).toContainText("KS 2022/0099");
  // The published event names its author and the reviewer who approved it.
  await expect(resumed.getByTestId("event-recorded")).toContainText("Föreslaget av Demo Tjänsteperson Bengtsfors, godkänt av Demo Granskare");
  await analyst.getByRole("link", { name: "Historik och återställning" }).click();
  const entry = analyst.getByTestId("history-entry").filter({ hasText: "Statusändring: Återupptaget" });
  await expect(entry).toContainText("föreslaget av Demo Tjänsteperson Bengtsfors, godkänt av Demo Granskare");
  await expect(entry.getByRole("link", { name: "via förslag" })).toHaveAttribute("href", new URL(proposalUrl).pathname);
  await analyst.screenshot({ path: "screenshots/review-history-sv.png", fullPage: true });

  // The dashboard, computed from the log, counts it as active now.
  await analyst.goto("/dashboard");
  await analyst.getByTestId("now-active").click();
  await expect(analyst.getByTestId("drilldown-row").filter({ hasText: "Bengtsfors – Wuzhou" })).toContainText("Återupptaget");

  await official.goto("/notifications");
  await expect(official.getByTestId("notification").first()).toContainText("godkände ditt förslag");

  // The activity feed lists the decision and the change, filterable by organisation.
  await analyst.goto("/activity");
  await analyst.getByLabel("Organisation").selectOption({ label: "Bengtsfors" });
  await analyst.getByRole("button", { name: "Filtrera" }).click();
  await expect(analyst.getByTestId("activity-item").first()).toContainText("Bengtsfors – Wuzhou");
  await expect(analyst.getByTestId("activity-item").filter({ hasText: "Statusändring: Återupptaget" })).toHaveCount(1);
  await analyst.screenshot({ path: "screenshots/activity-sv.png", fullPage: true });
});
