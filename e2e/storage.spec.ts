import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { samplePdf } from "../lib/attachments/sample-pdf";
import { expect, storageStateFor, test } from "./fixtures";

// Where an uploaded file lives: the attachment folder by default, the S3-compatible bucket when
// the suite runs with E2E_STORAGE=s3 (scripts/e2e-server.mjs); either way the download is the
// same bytes, under the name it was uploaded with (Swedish letters too), for a signed-in user only.

const onS3 = process.env.E2E_STORAGE === "s3";
const files = (dir: string) => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []);

test.use({ storageState: storageStateFor("analyst") });

test(`an uploaded file is stored in the ${onS3 ? "S3 bucket" : "attachment folder"} and downloads byte for byte under its original name`, async ({ page, browser }) => {
  const label = `storage check ${onS3 ? "s3" : "local"} ${Date.now()}`;
  const pdf = Buffer.from(samplePdf(label));
  await page.goto("/sources?q=Kommunala+partnerskap");
  await page.getByRole("link", { name: /^Kommunala partnerskap/ }).first().click();
  await page.getByLabel("Bifoga filer").setInputFiles({ name: "Protokoll_Lidköping.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Ladda upp" }).click();
  const link = page.getByRole("link", { name: /Protokoll_Lidköping\.pdf/ }).first();
  await expect(link).toBeVisible();

  const href = (await link.getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect(createHash("sha256").update(body).digest("hex")).toBe(createHash("sha256").update(pdf).digest("hex"));
  // An ASCII fallback for old clients and the UTF-8 name (RFC 5987) that browsers use.
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="Protokoll_Lidkoping.pdf"; filename*=UTF-8''Protokoll_Lidk%C3%B6ping.pdf`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("Protokoll_Lidköping.pdf");
  expect(response.headers()["etag"]).toBe(`"${createHash("sha256").update(pdf).digest("hex")}"`);

  const sha = createHash("sha256").update(pdf).digest("hex");
  const local = files(path.join(".data", "e2e", "attachments"));
  const bucket = files(path.join(".data", "e2e-s3"));
  if (onS3) {
    expect(local.filter((f) => f.includes(sha))).toEqual([]);
    expect(bucket.some((f) => f.includes(sha))).toBe(true);
  } else {
    expect(local.some((f) => f.includes(sha))).toBe(true);
  }

  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await anonymous.request.get(new URL(href, page.url()).toString())).status()).toBe(401);
  await anonymous.close();
});
