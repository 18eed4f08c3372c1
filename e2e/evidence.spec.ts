import { createHash } from "node:crypto";
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { samplePdf } from "../lib/attachments/sample-pdf";
import { expect, storageStateFor, test } from "./fixtures";

// Lidköping–Chengdu is seeded as "Inte förlängt" (expired) in 2020, from the report. A second
// ending is refused by the rules, so the analyst first meets that refusal, then follows its link
// to correct the expiry into a termination with the council's protocol and its PDF: the
// termination is logged, the old event is superseded, and the file comes back byte for byte.

/** Serious or critical accessibility violations on the page (axe-core), as rule ids with their first target. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}

const sha256 = (bytes: Uint8Array | Buffer) => createHash("sha256").update(bytes).digest("hex");
const PDF = Buffer.from(samplePdf("Kommunfullmaktige Lidkoping 2020-06-15, 112: vanortsavtalet med Chengdu avslutas."));

test.describe("status changes with sourced evidence", () => {
  test.use({ storageState: storageStateFor("analyst") });

  test("an analyst is refused a second ending, corrects Lidköping–Chengdu's expiry into a termination with its protocol and PDF, and gets the same bytes back", async ({ page }) => {
    await page.goto("/agreements");
    await page.getByRole("link", { name: "Lidköping" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Lidköping – Chengdu");
    const expired = page.getByTestId("status-event").filter({ hasText: "Inte förlängt" });
    await expect(expired).toHaveCount(1);

    // An impossible transition: the agreement already ended in 2020.
    await page.getByRole("link", { name: "Registrera statusändring" }).click();
    await expect(page.getByRole("heading", { name: "Registrera statusändring", level: 1 })).toBeVisible();
    await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Avslutat" });
    await page.getByLabel("Gäller från: Precision").selectOption("year");
    await page.getByLabel("Gäller från: År (ÅÅÅÅ)").fill("2021");
    await expect(page.getByTestId("transition-hint")).toContainText("Ett andra avslut kräver en rättelse");
    await page.getByRole("button", { name: "+ Välj befintlig källa" }).click();
    await page.getByLabel("Sök bland källorna").fill("Lokal frost");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.getByRole("button", { name: /^Välj: Lokal frost/ }).click();
    await page.getByLabel("Sida").fill("Appendix");
    await page.getByRole("button", { name: "Spara händelsen" }).click();
    const alert = page.getByTestId("form-alert");
    await expect(alert).toContainText("Statusändringen är inte möjlig");
    await expect(alert).toContainText("Avtalet har redan upphört (”Inte förlängt” 2020). Ett andra avslut kräver en rättelse av det första, inte en ny händelse.");
    // Nothing typed is lost.
    await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("terminated");
    await expect(page.getByLabel("Sida")).toHaveValue("Appendix");
    await page.screenshot({ path: "screenshots/evidence-log-refused.png", fullPage: true });

    // The refusal offers the way forward: correct the expiry.
    await alert.getByRole("link", { name: "Rätta ”Inte förlängt” 2020" }).click();
    await expect(page.getByRole("heading", { name: "Rätta händelse", level: 1 })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("expired");
    await page.getByLabel("Skäl till rättelsen").fill("Kommunfullmäktiges protokoll visar ett beslut att avsluta avtalet, inte att det löpte ut.");
    await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Avslutat" });
    await page.getByLabel("Gäller från: Precision").selectOption("day");
    await page.getByLabel("Gäller från: Datum (ÅÅÅÅ-MM-DD)").fill("2020-06-15");
    await expect(page.getByTestId("transition-hint")).toContainText("Möjlig ändring: följer på ”Aktivt” 2011.");
    await page.getByLabel("Beslutat av").fill("Kommunfullmäktige");

    await page.getByRole("button", { name: "+ Lägg till ny källa" }).click();
    const entry = page.getByTestId("source-entry").last();
    await entry.getByLabel("Typ av källa").selectOption("protocol");
    await entry.getByLabel("Organ").fill("Kommunfullmäktige, Lidköpings kommun");
    await entry.getByLabel("Sammanträdesdatum").fill("2020-06-15");
    await entry.getByLabel("Paragraf").fill("§ 112");
    await entry.getByLabel("Diarienummer").fill("KS 2020/0456");
    await entry.getByLabel("Citat").fill("Kommunfullmäktige beslutar att avsluta vänortsavtalet med Chengdu.");
    await entry.getByLabel("Sida").fill("4");
    await entry.getByLabel("Bifoga filer").setInputFiles({ name: "KF-2020-06-15-protokoll.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(entry.getByText(/^KF-2020-06-15-protokoll\.pdf \(/)).toBeVisible();
    await page.screenshot({ path: "screenshots/evidence-correct-form.png", fullPage: true });
    await page.getByRole("button", { name: "Spara rättelsen" }).click();

    // Back on the agreement: the termination with its protocol and file; the expiry struck through.
    await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]+#event-/);
    const termination = page.getByTestId("status-event").and(page.locator('[data-status="terminated"]'));
    await expect(termination).toHaveCount(1);
    await expect(termination).toContainText("15 juni 2020");
    await expect(termination).toContainText("Kommunfullmäktige");
    await expect(termination).toContainText("KS 2020/0456");
    await expect(termination).toContainText("Rättelse av en tidigare händelse");
    const old = page.getByTestId("status-event").and(page.locator('[data-status="expired"]'));
    await expect(old).toHaveClass(/superseded/);
    await expect(old.getByTestId("corrected-by")).toContainText("Rättad av Demo Analytiker");
    await expect(old.getByTestId("corrected-by")).toContainText("inte att det löpte ut");
    await expect(old.getByRole("link", { name: /^Rätta/ })).toHaveCount(0);
    await expect(page.getByRole("img", { name: /Avslutat/ }).or(page.locator("figure").getByTitle(/Avslutat, 15 juni 2020/))).toHaveCount(1);
    await expect(page.locator("figure").getByText("Avslutat", { exact: true }).first()).toBeVisible();
    await page.locator("figure").first().screenshot({ path: "screenshots/evidence-timeline.png" });
    await page.screenshot({ path: "screenshots/evidence-agreement-lidkoping.png", fullPage: true });

    // The file comes back byte for byte.
    const [download] = await Promise.all([page.waitForEvent("download"), termination.getByRole("link", { name: "KF-2020-06-15-protokoll.pdf" }).click()]);
    expect(download.suggestedFilename()).toBe("KF-2020-06-15-protokoll.pdf");
    const downloaded = fs.readFileSync((await download.path())!);
    expect(sha256(downloaded)).toBe(sha256(PDF));

    // The citation names the protocol.
    await termination.getByText("Citera händelsen", { exact: true }).click();
    await termination.getByRole("button", { name: "BibTeX" }).click();
    await expect(termination.getByRole("textbox")).toHaveValue(/@misc\{avtalsregistret-event-[0-9a-f]+,[\s\S]*author = \{\{Kommunfullmäktige, Lidköpings kommun\}\}/);

    // The source is a record of its own: it says where it is used.
    await termination.getByRole("link", { name: "Källans sida" }).last().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sammanträdesprotokoll");
    await expect(page.getByTestId("event-uses")).toContainText("Lidköping – Chengdu");
    await expect(page.getByTestId("source-use-count")).toHaveText("1 avtal, 1 händelse");
    await expect(page.getByRole("link", { name: "KF-2020-06-15-protokoll.pdf" })).toBeVisible();
    await page.screenshot({ path: "screenshots/evidence-source-page.png", fullPage: true });

    await page.getByRole("link", { name: "Källor", exact: true }).first().click();
    await page.getByLabel("Sök i källorna").fill("KS 2020/0456");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 källa" })).toBeVisible();
    await page.getByLabel("Sök i källorna").fill("");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.screenshot({ path: "screenshots/evidence-sources-list.png", fullPage: true });
  });

  test("a file that is not what it claims to be is refused with the reason, and nothing is attached", async ({ page }) => {
    await page.goto("/sources?q=Lokal+frost");
    await page.getByRole("link", { name: /^Lokal frost i relationerna/ }).click();
    await page.getByLabel("Bifoga filer").setInputFiles({ name: "protokoll.pdf", mimeType: "application/pdf", buffer: Buffer.from("Detta är ingen PDF.\n") });
    await page.getByRole("button", { name: "Ladda upp" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "protokoll.pdf är inte en tillåten filtyp" })).toBeVisible();
    await expect(page.getByText("Inga bifogade filer.")).toBeVisible();
  });

  test("an analyst sees the report's conflicting years for Borlänge–Wuhan and prefers the other one with a reason", async ({ page }) => {
    await page.goto("/agreements");
    await page.getByRole("row", { name: /Borlänge.*Kommunalt partnerskap/ }).getByRole("link", { name: "Borlänge" }).click();
    const field = page.getByTestId("claim-field").filter({ hasText: "Etablerat" });
    await expect(field).toContainText("Källorna säger olika");
    await expect(field.locator('[data-testid="claim"][data-preferred="true"]')).toHaveAttribute("data-value", "2007");
    await expect(page.locator("figure").getByText("Motstridigt: Etablerat 2007 / 2009")).toBeVisible();
    const text2009 = field.locator('[data-testid="claim"][data-value="2009"]');
    await text2009.getByText("Föredra 2009").click();
    await text2009.getByRole("button", { name: "Spara valet" }).click();
    await expect(text2009.getByRole("alert")).toHaveText("Ange ett skäl till valet.");
    await text2009.getByLabel("Skäl till valet").fill("Texten bygger på intervjun med kommunen.");
    await text2009.getByRole("button", { name: "Spara valet" }).click();
    await expect(text2009).toHaveAttribute("data-preferred", "true");
    await expect(text2009).toContainText("Vald av Demo Analytiker");
    await expect(field).toContainText("Registret anger 2007, men den föredragna uppgiften är 2009.");
    await page.getByRole("heading", { name: "Uppgifter från källor" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "screenshots/evidence-claims-borlange.png", fullPage: true });
  });
});

test.describe("sources", () => {
  test.use({ storageState: storageStateFor("analyst") });

  test("an analyst is warned that a source already exists, creates a different one, and edits it with a reason", async ({ page }) => {
    await page.goto("/sources");
    await page.getByRole("link", { name: "Ny källa" }).click();
    await page.getByLabel("Typ av källa").selectOption("web_page");
    await page.getByLabel("Webbadress").fill("http://www.icld.se/vart-arbete/kommunala-partnerskap#intro");
    await page.getByLabel("Titel").fill("Kommunala partnerskap");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Spara källan" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "En liknande källa finns redan" });
    await expect(warning).toContainText("samma webbadress");
    await expect(warning.getByRole("link", { name: /Internationellt Centrum för Lokal Demokrati/ })).toHaveAttribute("href", /\/sources\/[0-9a-f-]+$/);
    await page.screenshot({ path: "screenshots/evidence-source-duplicate.png", fullPage: true });

    // A different page on the same site is a different source.
    await page.getByLabel("Webbadress").fill("https://icld.se/vart-arbete/kommunala-partnerskap/kina-2009");
    await page.getByRole("button", { name: "Spara källan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunala partnerskap");
    await expect(page.getByText("Källan används inte ännu.")).toBeVisible();

    await page.getByRole("link", { name: "Redigera" }).click();
    await page.getByLabel("Titel").fill("Kommunala partnerskap med Kina 2009");
    await page.getByLabel("Referens").fill("");
    await page.getByLabel("Skäl till ändringen").fill("Sidans rubrik");
    await page.getByRole("button", { name: "Spara ändringen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kommunala partnerskap med Kina 2009");
    await expect(page.getByText("Version 2")).toBeVisible();
    const history = page.getByRole("region", { name: "Ändringshistorik" });
    await expect(history).toContainText("Ändrad — Demo Analytiker");
    await expect(history).toContainText("Ändrat: Referens, Titel");
    await expect(history).toContainText("Sidans rubrik");
  });

  test("the evidence pages have no serious accessibility violations", async ({ page }) => {
    await page.goto("/agreements");
    await page.getByRole("link", { name: "Mora" }).click();
    await expect(page.getByTestId("status-event").first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Registrera statusändring" }).click();
    await page.getByRole("button", { name: "+ Lägg till ny källa" }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto("/sources");
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe("the timeline", () => {
  test.use({ storageState: storageStateFor("reviewer") });

  test("shows a dormancy the report gives no date for as an uncertain stretch, not on an invented date", async ({ page }) => {
    await page.goto("/agreements");
    await page.getByRole("link", { name: "Bollnäs" }).click();
    const figure = page.locator("figure");
    await expect(figure.getByText("I kraft, aktivt → Vilande (okänt när)", { exact: true })).toBeVisible();
    await expect(figure.getByText("I kraft, aktivt → Vilande (okänt när): 2008–idag")).toBeAttached();
    await expect(figure).toContainText("Händelser utan känt datum: Vilande.");
    await expect(page.getByTestId("status-event").filter({ hasText: "Vilande" })).toContainText("okänt datum");
    await figure.screenshot({ path: "screenshots/evidence-timeline-undated.png" });
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStateFor("reviewer") });

  test("sees the history and its sources but is offered no way to log or correct, and is refused the form", async ({ page }) => {
    await page.goto("/agreements");
    await page.getByRole("link", { name: "Mora" }).click();
    await expect(page.getByTestId("status-event").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Registrera statusändring" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Rätta/ })).toHaveCount(0);
    await page.goto(`${page.url()}/events/new`);
    await expect(page.getByRole("heading", { name: "Åtkomst nekad" })).toBeVisible();
  });
});

test("attachments are for signed-in users only", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.get("/api/attachments/00000000-0000-4000-8000-000000000000");
  expect(response.status()).toBe(401);
  await anonymous.dispose();
});
