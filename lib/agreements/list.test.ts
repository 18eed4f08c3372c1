import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { agreements, statusEvents } from "@/db/schema";
import { DATASET_USER_EMAIL, seedDatabase } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { describeEachDriver } from "@/db/testing";
import { stateAfter } from "../domain/status";
import { fold, searchTerms } from "./fold";
import { queryAgreements, queryAllAgreements, type AgreementListRow } from "./list";
import { agreementQueryToParams, DEFAULT_QUERY, parseAgreementQuery, type AgreementQuery } from "./query-params";

const q = (over: Partial<AgreementQuery>): AgreementQuery => ({ ...DEFAULT_QUERY, ...over });
const pair = (r: AgreementListRow) => `${r.swedishName}–${r.foreignName}`;

describe("folding for search", () => {
  it("folds Swedish letters, accents, capitals and apostrophes, and leaves Chinese alone", () => {
    expect(fold("Göteborg")).toBe("goteborg");
    expect(fold("ÅMÅL Östersund")).toBe("amal ostersund");
    expect(fold("Xi'an")).toBe("xian");
    expect(fold("Xī’ān")).toBe("xian");
    expect(fold("上海市")).toBe("上海市");
    expect(searchTerms("  Umeå   Xi'an ")).toEqual(["umea", "xian"]);
  });
});

describe("table state in the URL", () => {
  it("round-trips every filter, the sort, the page and hidden columns", () => {
    const query = q({
      q: "malmö",
      status: ["paused", "none"],
      kind: ["twin_city"],
      swedishKind: ["kommun"],
      county: ["12"],
      province: ["9a0b8c7d-1234-4abc-8def-0123456789ab"],
      reason: ["human_rights"],
      from: 2000,
      to: 2010,
      sort: "established",
      dir: "desc",
      page: 3,
      size: 25,
      hide: ["designation"],
    });
    expect(parseAgreementQuery(agreementQueryToParams(query))).toEqual(query);
  });

  it("drops what it does not understand instead of failing", () => {
    const parsed = parseAgreementQuery(
      new URLSearchParams("status=paused,bogus&kind=x&county=1;DROP&province=nope&from=19&to=abcd&sort=evil.desc&page=-1&size=7&hide=x"),
    );
    expect(parsed).toEqual(q({ status: ["paused"], dir: "desc" }));
  });
});

describeEachDriver("the agreements list query", (db) => {
  let all: AgreementListRow[];

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: false });
    // One agreement without any event, for the "no status" filter.
    await db().insert(agreements).values({
      id: seedId("test", "no-events"),
      swedishOrgId: seedId("swedish-org", "kommun:0180"),
      foreignOrgId: seedId("foreign-org", "cn-shanghai"),
      kind: "other",
      designation: "Avsiktsförklaring om hamnsamarbete",
    });
    all = await queryAllAgreements(db(), DEFAULT_QUERY);
  });

  it("returns every agreement, sorted by the Swedish party as Swedish readers expect", async () => {
    expect(all).toHaveLength(57);
    const names = all.map((r) => r.swedishName);
    expect(names.slice(-5)).toEqual(["Åmål", "Åmål", "Örebro", "Östersund", "Överkalix"]);
    expect(names.indexOf("Region Dalarna")).toBeLessThan(names.indexOf("Umeå"));
  });

  it("derives each row's current status from its events", async () => {
    const mora = all.find((r) => pair(r) === "Mora–Changchun")!;
    expect(mora).toMatchObject({ status: "terminated", statusOn: "2020-09-14", statusPrecision: "day", countyName: "Dalarnas län" });
    expect(mora.sourceCount).toBe(2);
    const goteborg = all.find((r) => pair(r) === "Göteborg–Shanghai")!;
    expect(goteborg).toMatchObject({ provinceName: "Shanghai", foreignNameNative: "上海市", status: "partially_terminated" });
    expect(all.find((r) => pair(r) === "Umeå–Qufu")?.provinceName).toBe("Shandong");
  });

  describe("search", () => {
    it.each([
      ["Goteborg", ["Göteborg–Shanghai"]],
      ["göteborg", ["Göteborg–Shanghai"]],
      ["GÖTEBORG", ["Göteborg–Shanghai"]],
      ["Malmo", ["Malmö–Tangshan"]],
      ["上海", ["Göteborg–Shanghai", "Stockholm–Shanghai"]],
      ["长春", ["Mora–Changchun"]],
      ["umea xian", ["Umeå–Xi'an"]],
      ["Xī’ān lulea", ["Luleå–Xi'an"]],
      ["hamnsamarbete", ["Stockholm–Shanghai"]],
    ])("%s finds %j", async (text, expected) => {
      const page = await queryAgreements(db(), q({ q: text }));
      expect(page.rows.map(pair).sort()).toEqual(expected);
      expect(page.total).toBe(expected.length);
    });

    it("finds a county's agreements by the county's name and a province's by the province", async () => {
      const skane = await queryAgreements(db(), q({ q: "skåne" }));
      expect(skane.rows.map((r) => r.swedishName).sort()).toEqual(["Lund", "Malmö", "Region Skåne"]);
      const shandong = await queryAgreements(db(), q({ q: "山东" }));
      expect(shandong.rows.every((r) => r.provinceName === "Shandong")).toBe(true);
      expect(shandong.total).toBe(all.filter((r) => r.provinceName === "Shandong").length);
    });

    it("treats LIKE wildcards as plain characters", async () => {
      expect((await queryAgreements(db(), q({ q: "%" }))).total).toBe(0);
      expect((await queryAgreements(db(), q({ q: "_" }))).total).toBe(0);
    });
  });

  describe("filters", () => {
    it.each(["active", "dormant", "paused", "partially_terminated", "ended"] as const)("status %s", async (state) => {
      const page = await queryAgreements(db(), q({ status: [state], size: 100 }));
      const expected = all.filter((r) => r.status && stateAfter(r.status) === state);
      expect(expected.length).toBeGreaterThan(0);
      expect(page.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    });

    it("status: paused agreements are the report's four", async () => {
      const page = await queryAgreements(db(), q({ status: ["paused"] }));
      expect(page.rows.map(pair)).toEqual(["Bengtsfors–Wuzhou", "Linköping–Guangzhou", "Länsstyrelsen i Uppsala län–Zhejiang", "Malmö–Tangshan"]);
    });

    it("status: none finds agreements without events, and combines with others", async () => {
      expect((await queryAgreements(db(), q({ status: ["none"] }))).rows.map(pair)).toEqual(["Stockholm–Shanghai"]);
      expect((await queryAgreements(db(), q({ status: ["none", "paused"] }))).total).toBe(5);
    });

    it("kind and Swedish party kind", async () => {
      expect((await queryAgreements(db(), q({ kind: ["partnership"] }))).total).toBe(9);
      const regions = await queryAgreements(db(), q({ swedishKind: ["region"] }));
      expect(regions.rows.every((r) => r.swedishKind === "region")).toBe(true);
      expect(regions.total).toBe(all.filter((r) => r.swedishKind === "region").length);
    });

    it("county", async () => {
      const dalarna = await queryAgreements(db(), q({ county: ["20"] }));
      expect(dalarna.total).toBe(all.filter((r) => r.countyCode === "20").length);
      expect(new Set(dalarna.rows.map((r) => r.countyName))).toEqual(new Set(["Dalarnas län"]));
    });

    it("province, including cities below a prefecture", async () => {
      const shandong = all.find((r) => r.provinceName === "Shandong")!.provinceId!;
      const page = await queryAgreements(db(), q({ province: [shandong] }));
      expect(page.total).toBe(all.filter((r) => r.provinceId === shandong).length);
      expect(page.rows.map((r) => r.foreignName)).toContain("Qufu");
    });

    it("established range, inclusive, leaving out unknown dates", async () => {
      const page = await queryAgreements(db(), q({ from: 2009, to: 2010, size: 100 }));
      const expected = all.filter((r) => r.establishedOn && r.establishedOn >= "2009" && r.establishedOn < "2011");
      expect(expected.length).toBeGreaterThan(0);
      expect(page.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      const onlyFrom = await queryAgreements(db(), q({ from: 2015, size: 100 }));
      expect(onlyFrom.rows.every((r) => r.establishedOn! >= "2015")).toBe(true);
    });

    it("reason: agreements with a live event giving that reason", async () => {
      const expected = await queryRows<{ id: string }>(
        db(),
        sql`SELECT DISTINCT agreement_id AS id FROM ${statusEvents} WHERE 'human_rights' = ANY(reasons)`,
      );
      const page = await queryAgreements(db(), q({ reason: ["human_rights"], size: 100 }));
      expect(page.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    });

    it("search and filters together", async () => {
      const page = await queryAgreements(db(), q({ q: "vara", kind: ["partnership"] }));
      expect(page.rows.map(pair)).toEqual(["Vara–Huangshan"]);
      expect(page.rows[0]!.kind).toBe("partnership");
    });
  });

  describe("sorting", () => {
    it("by established date, newest first, unknown dates last", async () => {
      const rows = (await queryAgreements(db(), q({ sort: "established", dir: "desc", size: 100 }))).rows;
      const dates = rows.map((r) => r.establishedOn);
      const known = dates.filter((d): d is string => d !== null);
      expect(known).toEqual([...known].sort().reverse());
      expect(dates.slice(known.length).every((d) => d === null)).toBe(true);
    });

    it("by number of sources, and by foreign party", async () => {
      const bySources = (await queryAgreements(db(), q({ sort: "sources", dir: "desc", size: 100 }))).rows.map((r) => r.sourceCount);
      expect(bySources).toEqual([...bySources].sort((a, b) => b - a));
      expect(bySources[0]).toBe(7);
      const byForeign = (await queryAgreements(db(), q({ sort: "foreign", size: 100 }))).rows.map((r) => r.foreignName);
      expect(byForeign[0]).toBe("Anhui");
      expect(byForeign.at(-1)).toBe("Zhuji");
    });

    it.each(["swedishKind", "county", "province", "kind", "designation", "status", "lastChange"] as const)(
      "by %s returns every row once",
      async (sort) => {
        for (const dir of ["asc", "desc"] as const) {
          const rows = (await queryAgreements(db(), q({ sort, dir, size: 100 }))).rows;
          expect(new Set(rows.map((r) => r.id)).size).toBe(57);
        }
      },
    );
  });

  describe("paging", () => {
    it("pages through the sorted list without gaps or repeats", async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => queryAgreements(db(), q({ page, size: 25 }))));
      expect(pages.map((p) => p.rows.length)).toEqual([25, 25, 7]);
      expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all.map((r) => r.id));
      expect(pages.every((p) => p.total === 57)).toBe(true);
    });

    it("answers a page past the end with the last page", async () => {
      const page = await queryAgreements(db(), q({ page: 99, size: 25 }));
      expect(page).toMatchObject({ page: 3, total: 57 });
      expect(page.rows).toHaveLength(7);
      const none = await queryAgreements(db(), q({ q: "no such place", page: 4 }));
      expect(none).toMatchObject({ page: 1, total: 0, rows: [] });
    });
  });

  it("counts the dataset user's seed as the last change", async () => {
    const [user] = await queryRows<{ email: string }>(db(), sql`SELECT email FROM users WHERE email = ${DATASET_USER_EMAIL}`);
    expect(user).toBeDefined();
    expect(all.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r.lastChangedAt))).toBe(true);
  });
});
