import type { Browser, Page } from "@playwright/test";
import { seedId } from "../db/seed/ids";
import { DEMO_PASSWORD, expect, storageStateFor, test } from "./fixtures";

// Done means (issue 11): an official of Region Kalmar län lands on their home, proposes
// "terminated" with an e-mail as the source (correspondent, date, .eml attached); a reviewer
// approves; the published event's source is an e-mail, not a protocol. The official confirms
// the other agreement unchanged, and "last confirmed" shows on its page.

const KALMAR = seedId("swedish-org", "region:08");
const CHANGXING = seedId("agreement", "region-kalmar-lan-changxing-twin");
const HUZHOU = seedId("agreement", "region-kalmar-lan-huzhou-twin");

const EML = Buffer.from(
  "From: Registrator <registrator@regionkalmar.se>\r\nTo: nkk@ui.se\r\nSubject: Changxing\r\nDate: Mon, 16 May 2022 09:30:00 +0200\r\n\r\nVänortsavtalet med Changxing sades upp i maj 2022.\r\n",
);

async function contextFor(browser: Browser, storageState: string | { cookies: []; origins: [] }): Promise<Page> {
  const context = await browser.newContext({ storageState, locale: "sv-SE" });
  return context.newPage();
}

test("an official proposes a termination with an e-mail as its source, a reviewer approves, and the official confirms the other agreement", async ({ browser }) => {
  // Three roles, a proposal, an approval and two confirmations (one with evidence): over a minute on a busy machine.
  test.setTimeout(150_000);
  const admin = await contextFor(browser, storageStateFor("admin"));
  const email = `kalmar-${Date.now()}@example.se`;
  const name = "Kim Tjänsteperson Kalmar";
  const created = await admin.request.post("/api/admin/users", {
    data: { name, email, password: DEMO_PASSWORD, roles: ["municipal_official"], organizationId: KALMAR },
  });
  expect(created.status()).toBe(201);

  const official = await contextFor(browser, { cookies: [], origins: [] });
  await official.goto("/login");
  await official.getByLabel("E-postadress", { exact: true }).fill(email);
  await official.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await official.getByRole("button", { name: "Logga in" }).click();
  await official.waitForURL("**/home");
  const cards = official.getByTestId("home-agreement");
  await expect(cards).toHaveCount(2);
  const changxing = cards.filter({ hasText: "Changxing" });
  await expect(changxing).toContainText("Vilande");
  await expect(changxing).toContainText("Aldrig bekräftat");

  // The proposal, with an e-mail as its source.
  await changxing.getByRole("link", { name: "Föreslå en ändring" }).click();
  await official.getByLabel("Status", { exact: true }).selectOption("terminated");
  await official.getByLabel("Datum då ändringen gällde").fill("2022-05");
  await official.getByLabel("Typ av källa").selectOption("email");
  await official.getByLabel("Korrespondens med").fill("Registrator, Region Kalmar län");
  await official.locator('input[name="source.date.value"]').fill("2022-05-16");
  await official.getByLabel("Bifoga källan (frivilligt)").setInputFiles({ name: "registrator-2022-05-16.eml", mimeType: "message/rfc822", buffer: EML });
  await official.getByLabel("Citat ur källan").fill("Vänortsavtalet med Changxing sades upp i maj 2022.");
  await official.getByLabel("Sammanfattning av förslaget").fill("Changxing är uppsagt");
  await official.getByRole("button", { name: "Skicka förslag" }).click();
  await official.waitForURL(/\/review\/[0-9a-f-]{36}$/);
  await expect(official.getByTestId("proposal-sent")).toContainText("En granskare beslutar");
  const proposalUrl = official.url();

  // Pending, to the official and to staff.
  await official.goto(`/agreements/${CHANGXING}`);
  await expect(official.getByTestId("pending-proposals")).toContainText("väntar på granskning");
  const reviewer = await contextFor(browser, storageStateFor("reviewer"));
  await reviewer.goto(`/agreements/${CHANGXING}`);
  await expect(reviewer.getByTestId("pending-proposals")).toContainText(name);

  await reviewer.goto(proposalUrl);
  await expect(reviewer.getByTestId("proposed-evidence")).toContainText("Mejlkorrespondens");
  await reviewer.getByRole("button", { name: "Godkänn och verkställ" }).click();
  await expect(reviewer.getByTestId("proposal-status")).toHaveText("Godkänt");

  // The published event's source is an e-mail with its file, not a protocol.
  await reviewer.goto(`/agreements/${CHANGXING}`);
  const ended = reviewer.getByTestId("status-event").filter({ hasText: "Avslutat" });
  await expect(ended).toContainText("Mejlkorrespondens");
  await expect(ended).toContainText("Registrator, Region Kalmar län");
  await expect(ended).not.toContainText("Sammanträdesprotokoll");
  await expect(ended.getByRole("link", { name: /registrator-2022-05-16\.eml/ })).toBeVisible();
  await expect(reviewer.getByTestId("pending-proposals")).toHaveCount(0);

  // "Nothing has changed" for the other agreement, in one click from home.
  await official.goto("/home");
  const huzhou = cards.filter({ hasText: "Huzhou" });
  await huzhou.getByRole("button", { name: "Inget har ändrats" }).click();
  await expect(huzhou.getByRole("status")).toHaveText("Bekräftat.");
  await expect(huzhou.getByTestId("last-confirmed")).toContainText(`av ${name}`);
  await official.screenshot({ path: "screenshots/official-home-sv.png", fullPage: true });
  await reviewer.goto(`/agreements/${HUZHOU}`);
  await expect(reviewer.getByTestId("last-confirmed")).toContainText(`Senast bekräftat`);
  await expect(reviewer.getByTestId("last-confirmed")).toContainText(name);

  // Confirmed again with its evidence: the registrator's e-mail, kept as an internal source.
  await official.goto(`/agreements/${HUZHOU}/confirm`);
  await official.getByRole("button", { name: "Lägg till underlag" }).click();
  const evidence = official.getByTestId("confirm-evidence");
  await expect(evidence.getByLabel("Typ av källa")).toHaveValue("email");
  await official.locator('input[name="evidence.date.value"]').fill("2026-11-20");
  await official.getByRole("button", { name: "Bekräfta att inget har ändrats" }).click();
  await expect(evidence.locator(".field-error").first()).toBeVisible();
  await evidence.getByLabel("Korrespondens med").fill("Registrator, Region Kalmar län");
  await evidence.getByLabel("Fil (frivillig)").setInputFiles({ name: "svar-2026-11-20.eml", mimeType: "message/rfc822", buffer: EML });
  await official.setViewportSize({ width: 390, height: 844 });
  await official.screenshot({ path: "screenshots/confirm-evidence-390.png", fullPage: true });
  await official.getByRole("button", { name: "Bekräfta att inget har ändrats" }).click();
  await official.waitForURL(`**/agreements/${HUZHOU}`);
  await expect(official.getByTestId("last-confirmed-evidence")).toContainText("Mejlkorrespondens");
  await expect(official.getByTestId("last-confirmed-evidence")).toContainText("Registrator, Region Kalmar län");
  await official.getByTestId("last-confirmed-evidence").getByRole("link").click();
  await expect(official.getByRole("link", { name: /svar-2026-11-20\.eml/ })).toBeVisible();
});
