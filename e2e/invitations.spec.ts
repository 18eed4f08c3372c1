import type { Browser, Page } from "@playwright/test";
import { seedId } from "../db/seed/ids";
import { DEMO_PASSWORD, expect, storageStateFor, test } from "./fixtures";
import { linkIn, mailTo, waitForMail } from "./mailbox";

// Issue 11, done means: an analyst invites an official of Lidköping; the test reads the e-mail
// from a real SMTP server (scripts/e2e-server.mjs), follows its link, is refused a weak password,
// sets a good one and lands on the home; proposes "terminated" with an e-mail as its source
// (correspondent, date, .eml); a reviewer approves; the public page shows the event's source as
// an e-mail, not a protocol. The official confirms another agreement unchanged, and "last
// confirmed" shows on its page. Then: forgotten password through the mailbox, one's own password
// change (which ends the account's other sessions), and an address change confirmed by e-mail.

const LIDKOPING = seedId("swedish-org", "kommun:1494");
const STRONG = "Vänort med Chengdu sedan 2011";
const EML = Buffer.from(
  "From: Registrator <registrator@lidkoping.se>\r\nTo: nkk@ui.se\r\nSubject: Wuhan\r\nDate: Tue, 14 Mar 2023 10:00:00 +0100\r\n\r\nSamarbetet med Wuhan avslutades i mars 2023.\r\n",
);

async function pageFor(browser: Browser, storageState: string | { cookies: []; origins: [] }, width = 1440): Promise<Page> {
  const context = await browser.newContext({ storageState, locale: "sv-SE", viewport: { width, height: width > 500 ? 900 : 844 } });
  return context.newPage();
}
const signedOut = { cookies: [] as [], origins: [] as [] };

/** The page is no wider than its window (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, "page wider than the screen").toBeLessThanOrEqual(client);
}

/** Screenshots at 1440 and 390 px of the page at `path` (in a context with this storage), with the 390 px page checked for sideways scrolling. */
async function shoot(browser: Browser, storageState: string | typeof signedOut, path: string, name: string, prepare?: (page: Page) => Promise<void>) {
  for (const width of [1440, 390]) {
    const page = await pageFor(browser, storageState, width);
    await page.goto(path);
    await prepare?.(page);
    if (width === 390) await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
    await page.context().close();
  }
}

async function importAgreements(page: Page, baseURL: string, csv: string): Promise<[string, string]> {
  const imported = await page.request.post("/api/agreements/import", {
    headers: { origin: baseURL },
    multipart: { mode: "commit", file: { name: "lidkoping.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } },
  });
  expect(imported.status(), await imported.text()).toBe(202);
  const { jobId } = (await imported.json()) as { jobId: string };
  let job: { status: string; result?: { created?: { id: string }[] } } = { status: "queued" };
  await expect
    .poll(async () => (job = await (await page.request.get(`/api/agreements/import/${jobId}`)).json()).status, { timeout: 60_000 })
    .toBe("done");
  const ids = job.result?.created?.map((c) => c.id) ?? [];
  expect(ids).toHaveLength(2);
  return [ids[0]!, ids[1]!];
}

test("an analyst invites an official of Lidköping, who sets a password from the e-mail, proposes a termination sourced by an e-mail, and confirms another agreement", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const stamp = `${testInfo.retry}-${Date.now()}`;
  const email = `lidkoping-${stamp}@example.se`;
  const name = `Lo Lidköping ${testInfo.retry}`;
  const analyst = await pageFor(browser, storageStateFor("analyst"));

  // Lidköping's one seeded agreement (Chengdu) has ended; this attempt's own two active ones.
  const [ended, unchanged] = await importAgreements(
    analyst,
    baseURL!,
    "swedish_party,foreign_party,kind,designation,established,status,status_date,source\n" +
      `Lidköping,Wuhan,partnership,Inbjudningstest A ${stamp},2015,active,2015,https://lidkoping.se/protokoll/2015\n` +
      `Lidköping,Suzhou,other,Inbjudningstest B ${stamp},2016,active,2016,https://lidkoping.se/protokoll/2016\n`,
  );

  // The invitation, from the organisation's page.
  await analyst.goto(`/organizations/${LIDKOPING}`);
  await analyst.getByText("Bjud in en tjänsteperson").click();
  const inviteForm = analyst.getByRole("form", { name: "Bjud in tjänsteperson" });
  await inviteForm.getByLabel("Namn", { exact: true }).fill(name);
  await inviteForm.getByLabel("E-postadress", { exact: true }).fill(email);
  await inviteForm.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(analyst.getByTestId("invite-sent")).toHaveText(`Inbjudan har skickats till ${email}.`);
  await expect(analyst.getByTestId("org-officials")).toContainText(`${name} · ${email} Inbjuden, inget lösenord än`);

  // The e-mail, through SMTP.
  const invitation = await waitForMail(email, { subject: /Inbjudan till Avtalsregistret/ });
  expect(invitation.text).toContain("Demo Analytiker har bjudit in dig till Avtalsregistret som kommunal tjänsteperson för Lidköping");
  expect(invitation.text).toContain("In English");
  const link = linkIn(invitation, "/set-password/");

  // A weak password first: refused, with the reason.
  const official = await pageFor(browser, signedOut);
  await official.goto(link);
  await expect(official.getByRole("heading", { name: "Välj ditt lösenord", level: 1 })).toBeVisible();
  await expect(official.getByLabel("E-postadress")).toHaveValue(email);
  await official.getByLabel("Nytt lösenord", { exact: true }).fill("password1234");
  await official.getByLabel("Upprepa lösenordet").fill("password1234");
  await official.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(official.getByText("Lösenordet är för lätt att gissa")).toBeVisible();
  await official.getByLabel("Nytt lösenord", { exact: true }).fill(STRONG);
  await official.getByLabel("Upprepa lösenordet").fill(STRONG);
  await official.getByRole("button", { name: "Spara lösenordet" }).click();
  await official.waitForURL("**/home");
  // The link works once.
  const again = await pageFor(browser, signedOut);
  await again.goto(link);
  await expect(again.getByTestId("token-refused")).toHaveAttribute("data-reason", "used");
  await expect(again.getByTestId("token-refused").getByRole("alert")).toContainText("Länken har redan använts");
  await again.context().close();

  const cardOf = (id: string) => official.getByTestId("home-agreement").filter({ has: official.locator(`a[href="/agreements/${id}"]`) });
  await expect(cardOf(ended)).toContainText("Aktivt");

  // The proposal, with an e-mail as its source.
  await cardOf(ended).getByRole("link", { name: "Föreslå en ändring" }).click();
  await official.getByLabel("Status", { exact: true }).selectOption("terminated");
  await official.getByLabel("Datum då ändringen gällde").fill("2023-03");
  await official.getByLabel("Typ av källa").selectOption("email");
  await official.getByLabel("Korrespondens med").fill("Registrator, Lidköpings kommun");
  await official.locator('input[name="source.date.value"]').fill("2023-03-14");
  await official.getByLabel("Bifoga källan (frivilligt)").setInputFiles({ name: "registrator-2023-03-14.eml", mimeType: "message/rfc822", buffer: EML });
  await official.getByLabel("Citat ur källan").fill("Samarbetet med Wuhan avslutades i mars 2023.");
  await official.getByLabel("Sammanfattning av förslaget").fill("Samarbetet med Wuhan är avslutat");
  await official.getByRole("button", { name: "Skicka förslag" }).click();
  await official.waitForURL(/\/review\/[0-9a-f-]{36}$/);
  await expect(official.getByTestId("proposal-sent")).toContainText("En granskare beslutar");
  const proposalUrl = official.url();

  const reviewer = await pageFor(browser, storageStateFor("reviewer"));
  await reviewer.goto(proposalUrl);
  await expect(reviewer.getByTestId("proposed-evidence")).toContainText("Mejlkorrespondens");
  await reviewer.getByRole("button", { name: "Godkänn och verkställ" }).click();
  await expect(reviewer.getByTestId("proposal-status")).toHaveText("Godkänt");

  // The published event's source is an e-mail. The analyst makes the source public.
  await analyst.goto(`/agreements/${ended}`);
  const termination = analyst.getByTestId("status-event").filter({ hasText: "Avslutat" });
  await expect(termination).toContainText("Mejlkorrespondens");
  await expect(termination).not.toContainText("Sammanträdesprotokoll");
  const publicHref = await analyst.getByTestId("public-view-link").getAttribute("href");
  await termination.getByRole("link", { name: "Källans sida" }).first().click();
  await analyst.getByLabel("Synlighet").selectOption("public");
  await analyst.getByRole("button", { name: "Ändra synlighet" }).click();
  await expect(analyst.getByTestId("source-visibility")).toHaveText("Publik");

  const visitor = await pageFor(browser, signedOut);
  await visitor.goto(publicHref!);
  const events = visitor.getByTestId("public-events");
  const publicTermination = events.locator("li").filter({ hasText: "Avslutat" }).first();
  await expect(publicTermination).toContainText("Mejlkorrespondens");
  await expect(publicTermination).toContainText("Registrator, Lidköpings kommun");
  await expect(events).not.toContainText("Sammanträdesprotokoll");
  await visitor.screenshot({ path: "screenshots/invitations-public-agreement.png", fullPage: true });

  // "Nothing has changed" for the other agreement.
  await official.goto("/home");
  await cardOf(unchanged).getByRole("button", { name: "Inget har ändrats" }).click();
  await expect(cardOf(unchanged).getByRole("status")).toHaveText("Bekräftat.");
  await reviewer.goto(`/agreements/${unchanged}`);
  await expect(reviewer.getByTestId("last-confirmed")).toContainText("Senast bekräftat");
  await expect(reviewer.getByTestId("last-confirmed")).toContainText(name);
});

test("a forgotten password: the same answer for any address, a link by e-mail to the account's only, and a new password", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const stamp = `${testInfo.retry}-${Date.now()}`;
  const email = `glomsk-${stamp}@example.se`;
  const stranger = `ingen-${stamp}@example.se`;
  const admin = await pageFor(browser, storageStateFor("admin"));
  const created = await admin.request.post("/api/admin/users", { data: { name: "Glömsk Granskare", email, password: DEMO_PASSWORD, roles: ["reviewer"] } });
  expect(created.status()).toBe(201);

  const page = await pageFor(browser, signedOut);
  await page.goto("/login");
  await page.getByRole("link", { name: "Glömt lösenordet?" }).click();
  await expect(page.getByRole("heading", { name: "Glömt lösenord", level: 1 })).toBeVisible();
  const answers: string[] = [];
  for (const address of [stranger, email]) {
    await page.goto("/forgot-password");
    await page.getByLabel("E-postadress").fill(address);
    await page.getByRole("button", { name: "Skicka länk" }).click();
    answers.push((await page.getByTestId("forgot-sent").textContent()) ?? "");
  }
  expect(answers[0]!).toContain("Om adressen hör till ett konto har vi skickat en länk");
  expect(answers[1]!).toBe(answers[0]!);

  const reset = await waitForMail(email, { subject: /Välj ett nytt lösenord/ });
  expect(mailTo(stranger)).toEqual([]);
  await page.goto(linkIn(reset, "/set-password/"));
  await expect(page.getByRole("heading", { name: "Välj ett nytt lösenord", level: 1 })).toBeVisible();
  await page.getByLabel("Nytt lösenord", { exact: true }).fill("Glömde det gamla men inte det här");
  await page.getByLabel("Upprepa lösenordet").fill("Glömde det gamla men inte det här");
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
  // Staff land on the registry (by way of /home).
  await page.waitForURL("**/agreements");

  // The old password no longer works.
  const old = await pageFor(browser, signedOut);
  await old.goto("/login");
  await old.getByLabel("E-postadress", { exact: true }).fill(email);
  await old.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await old.getByRole("button", { name: "Logga in" }).click();
  await expect(old.getByText("Fel e-postadress eller lösenord.")).toBeVisible();
});

test("one's own password change needs the current password, keeps this device signed in and ends the other sessions", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const email = `byter-${testInfo.retry}-${Date.now()}@example.se`;
  const admin = await pageFor(browser, storageStateFor("admin"));
  expect((await admin.request.post("/api/admin/users", { data: { name: "Byter Lösen", email, password: DEMO_PASSWORD, roles: ["analyst"] } })).status()).toBe(201);

  const signInAs = async (password: string) => {
    const page = await pageFor(browser, signedOut);
    await page.goto("/login");
    await page.getByLabel("E-postadress", { exact: true }).fill(email);
    await page.getByLabel("Lösenord", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL("**/agreements");
    return page;
  };
  const here = await signInAs(DEMO_PASSWORD);
  const elsewhere = await signInAs(DEMO_PASSWORD);

  await here.getByRole("link", { name: "Mitt konto" }).first().click();
  await expect(here.getByRole("heading", { name: "Mitt konto", level: 1 })).toBeVisible();
  await here.getByLabel("Nuvarande lösenord").first().fill("inte det rätta lösenordet");
  await here.getByLabel("Nytt lösenord", { exact: true }).fill("Ett eget lösenord för kontot");
  await here.getByLabel("Upprepa det nya lösenordet").fill("Ett eget lösenord för kontot");
  await here.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(here.getByText("Det nuvarande lösenordet stämmer inte.")).toBeVisible();
  await here.getByLabel("Nuvarande lösenord").first().fill(DEMO_PASSWORD);
  await here.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(here.getByTestId("password-changed")).toContainText("Lösenordet har bytts");

  // Still signed in here; the other session has ended.
  await here.goto("/agreements");
  await expect(here).toHaveURL(/\/agreements/);
  await elsewhere.goto("/agreements");
  await expect(elsewhere).toHaveURL(/\/login/);
});

test("an address change is confirmed by a link to the new address, and the old address is told", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const stamp = `${testInfo.retry}-${Date.now()}`;
  const before = `gammal-${stamp}@example.se`;
  const after = `ny-${stamp}@example.se`;
  const admin = await pageFor(browser, storageStateFor("admin"));
  expect((await admin.request.post("/api/admin/users", { data: { name: "Flyttar Adress", email: before, password: DEMO_PASSWORD, roles: ["analyst"] } })).status()).toBe(201);

  const page = await pageFor(browser, signedOut);
  await page.goto("/login");
  await page.getByLabel("E-postadress", { exact: true }).fill(before);
  await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL("**/agreements");
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Byt e-postadress" });
  await form.getByLabel("Ny e-postadress").fill(after);
  await form.getByLabel("Nuvarande lösenord").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Skicka bekräftelselänk" }).click();
  await expect(form.getByRole("status")).toContainText(`Om ${after} kan användas har vi skickat en länk dit.`);

  const confirmation = await waitForMail(after, { subject: /Bekräfta din nya e-postadress/ });
  const link = linkIn(confirmation, "/confirm-email/");
  const visitor = await pageFor(browser, signedOut);
  await visitor.goto(link);
  await expect(visitor.getByText(`Bekräfta att kontot ska använda ${after}.`)).toBeVisible();
  await visitor.getByRole("button", { name: "Bekräfta den nya adressen" }).click();
  await expect(visitor.getByRole("status")).toContainText(`Din e-postadress är nu ${after}.`);
  const notice = await waitForMail(before, { subject: /Din e-postadress har bytts/ });
  expect(notice.text).toContain(after);
  // Used once: opening the link again is refused.
  await visitor.goto(link);
  await expect(visitor.getByTestId("token-refused")).toHaveAttribute("data-reason", "used");

  const again = await pageFor(browser, signedOut);
  await again.goto("/login");
  await again.getByLabel("E-postadress", { exact: true }).fill(after);
  await again.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await again.getByRole("button", { name: "Logga in" }).click();
  await again.waitForURL("**/agreements");
});

test("the set-password, account and invite pages at 1440 and 390 px", async ({ browser }) => {
  test.setTimeout(120_000);
  // A link of its own to photograph (an invitation by the admin, read from the mailbox).
  const email = `bild-${Date.now()}@example.se`;
  const admin = await pageFor(browser, storageStateFor("admin"));
  await admin.goto("/admin/users/invite");
  await admin.getByLabel("Namn", { exact: true }).fill("Bild Tjänsteperson");
  await admin.getByLabel("E-postadress", { exact: true }).fill(email);
  await admin.getByRole("checkbox", { name: "Kommunal tjänsteperson" }).check();
  await admin.getByRole("combobox", { name: "Organisation" }).fill("lidkoping");
  await admin.getByRole("option", { name: /^Lidköping/ }).click();
  await admin.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(admin.getByTestId("invite-sent")).toBeVisible();
  const link = linkIn(await waitForMail(email), "/set-password/");

  await shoot(browser, signedOut, link, "set-password", async (page) => {
    await page.getByLabel("Nytt lösenord", { exact: true }).fill("            ");
    await page.getByRole("button", { name: "Spara lösenordet" }).click();
    await expect(page.getByText("Lösenordet får inte bestå av bara mellanslag.")).toBeVisible();
  });
  await shoot(browser, signedOut, "/forgot-password", "forgot-password");
  await shoot(browser, storageStateFor("official"), "/account", "account");
  await shoot(browser, storageStateFor("admin"), "/admin/users/invite", "invite-admin", async (page) => {
    // The role the form starts with, once the page has hydrated (a click before could be undone by it).
    await expect(page.getByRole("checkbox", { name: "Kommunal tjänsteperson" })).toBeChecked();
    await expect(page.getByRole("combobox", { name: "Organisation" })).toBeVisible();
  });
  await shoot(browser, storageStateFor("analyst"), `/organizations/${LIDKOPING}`, "invite-organisation", async (page) => {
    await page.getByText("Bjud in en tjänsteperson").click();
    await page.locator("summary", { hasText: "Lägg till kontakt" }).click();
  });
});
