import { describe, expect, it } from "vitest";
import { bibEscape, citeBibtex, citeCslJson, citePlainText, splitPersons, type CitableRecord, type CitableSource, type CitationLabels } from "./format";

const LABELS: CitationLabels = {
  language: "sv",
  publisher: "Avtalsregistret",
  protocol: "Protokoll",
  email: "Mejlkorrespondens med",
  interview: "Intervju nr",
  sources: "Källor",
  retrieved: "hämtad",
  page: "s.",
  noSources: "Inga källor angivna.",
};
const EN: CitationLabels = {
  language: "en",
  publisher: "Avtalsregistret",
  protocol: "Minutes",
  email: "E-mail correspondence with",
  interview: "Interview no.",
  sources: "Sources",
  retrieved: "retrieved",
  page: "p.",
  noSources: "No sources given.",
};

function source(partial: Partial<CitableSource> & Pick<CitableSource, "id" | "kind" | "citation">): CitableSource {
  return {
    title: null,
    body: null,
    meetingDate: null,
    paragraph: null,
    diarienummer: null,
    correspondent: null,
    interviewNumber: null,
    interviewer: null,
    outlet: null,
    author: null,
    issuer: null,
    date: null,
    datePrecision: "unknown",
    publishedOn: null,
    url: null,
    retrievedOn: null,
    ...partial,
  };
}

const report = source({
  id: "0b7f6f0e-1111-4a4a-8b8b-000000000001",
  kind: "publication",
  citation: "Sundqvist, G., Lindberg, F., Jerdén, B., Shao, O. 2022. Lokal frost i relationerna. NKK.",
  title: "Lokal frost i relationerna",
  author: "Gustav Sundqvist, Frida Lindberg, Björn Jerdén, Oscar Shao",
  issuer: "Nationellt kunskapscentrum om Kina (NKK)",
  date: "2022-01-01",
  datePrecision: "year",
});
const protocol = source({
  id: "0b7f6f0e-2222-4a4a-8b8b-000000000002",
  kind: "protocol",
  citation: "Kommunfullmäktige, Lidköpings kommun. Protokoll 2020-05-25, §45, dnr KS 2020/123.",
  body: "Kommunfullmäktige, Lidköpings kommun",
  meetingDate: "2020-05-25",
  paragraph: "§45",
  diarienummer: "KS 2020/123",
});
const article = source({
  id: "0b7f6f0e-3333-4a4a-8b8b-000000000003",
  kind: "article",
  citation: "Vänort & 100% {oklart}",
  title: "Vänort & 100% {oklart}_nu",
  outlet: "Nya Lidköpings-Tidningen",
  publishedOn: "2020-06-01",
  url: "https://example.se/a?b=1#c",
  retrievedOn: "2022-02-10",
});

const event: CitableRecord = {
  kind: "event",
  id: "9d0c1b2a-aaaa-4bbb-8ccc-123456789abc",
  title: "Lidköping – Chengdu (vänortssamarbete): Avslutat, 2020",
  url: "https://avtal.example.se/agreements/abc#event-9d0c1b2a",
  accessed: "2026-11-25",
  uses: [
    { source: protocol, quote: "Avtalet avslutas.", page: "3" },
    { source: report, quote: null, page: "Appendix" },
    { source: report, quote: "har kommit fram till att inte förlänga avtal", page: "En osäker framtid" },
  ],
};

describe("plain-text citations (citation-js, APA)", () => {
  it("names the record, its address and every source once, with pages and quotes", () => {
    expect(citePlainText(event, LABELS)).toBe(
      [
        "Avtalsregistret. (2026). Lidköping – Chengdu (vänortssamarbete): Avslutat, 2020 [Dataset]. https://avtal.example.se/agreements/abc#event-9d0c1b2a",
        "Källor:",
        "[1] Kommunfullmäktige, Lidköpings kommun. (2020, maj 25). Protokoll §45 (KS 2020/123). s. 3: ”Avtalet avslutas.”",
        "[2] Sundqvist, G., Lindberg, F., Jerdén, B., & Shao, O. (2022). Lokal frost i relationerna. Nationellt kunskapscentrum om Kina (NKK). s. Appendix; s. En osäker framtid: ”har kommit fram till att inte förlänga avtal”",
      ].join("\n"),
    );
  });

  it("says when a record has no source (an unconfirmed draft)", () => {
    expect(citePlainText({ ...event, uses: [] }, LABELS)).toMatch(/Inga källor angivna\.$/);
  });

  const kinds: [string, CitableSource, string, string][] = [
    [
      "protocol",
      source({ id: "p", kind: "protocol", citation: "x", body: "Kommunstyrelsen, Lidköpings kommun", meetingDate: "2026-03-02", paragraph: "§ 142", diarienummer: "KS 2026/142" }),
      "Kommunstyrelsen, Lidköpings kommun. (2026, mars 2). Protokoll § 142 (KS 2026/142).",
      "Kommunstyrelsen, Lidköpings kommun. (2026, March 2). Minutes § 142 (KS 2026/142).",
    ],
    [
      "email",
      source({ id: "e", kind: "email", citation: "x", correspondent: "Anna Andersson", date: "2021-05-03", datePrecision: "month", title: "Svar om vänorten" }),
      "Andersson, A. (2021). Mejlkorrespondens med Anna Andersson: Svar om vänorten [Email].",
      "Andersson, A. (2021). E-mail correspondence with Anna Andersson: Svar om vänorten [Email].",
    ],
    [
      "interview",
      source({ id: "i", kind: "interview", citation: "Intervju nr 31, 2021", interviewNumber: 31, interviewer: "Oscar Shao", date: "2021-01-01", datePrecision: "year" }),
      "Intervju nr 31 (O. Shao). (2021).",
      "Interview no. 31 (O. Shao, Interviewer). (2021).",
    ],
    [
      "article",
      source({ id: "a", kind: "article", citation: "x", title: "Vänorten läggs ner", outlet: "Nya Lidköpings-Tidningen", author: "Bo Berg", publishedOn: "2020-06-01", url: "https://nlt.se/a", retrievedOn: "2026-11-30" }),
      "Berg, B. (2020, juni 1). Vänorten läggs ner. Nya Lidköpings-Tidningen. https://nlt.se/a",
      "Berg, B. (2020, June 1). Vänorten läggs ner. Nya Lidköpings-Tidningen. https://nlt.se/a",
    ],
    [
      "official_document",
      source({ id: "o", kind: "official_document", citation: "x", title: "Riktlinjer för internationellt arbete", issuer: "Lidköpings kommun", diarienummer: "KS 2019/12", date: "2019-01-01", datePrecision: "year" }),
      "Lidköpings kommun. (2019). Riktlinjer för internationellt arbete (KS 2019/12). Lidköpings kommun.",
      "Lidköpings kommun. (2019). Riktlinjer för internationellt arbete (KS 2019/12). Lidköpings kommun.",
    ],
    [
      "web_page",
      source({ id: "w", kind: "web_page", citation: "x", title: "Kommunala partnerskap", url: "https://icld.se/x", retrievedOn: "2026-11-30" }),
      "Kommunala partnerskap. (u.å.). Hämtad 30 november 2026, från https://icld.se/x",
      "Kommunala partnerskap. (n.d.). Retrieved 30 November 2026, from https://icld.se/x",
    ],
    [
      "publication",
      source({ id: "r", kind: "publication", citation: "x", title: "Lokal frost i relationerna", author: "Gustav Sundqvist, Frida Lindberg", issuer: "NKK", date: "2022-01-01", datePrecision: "year" }),
      "Sundqvist, G., & Lindberg, F. (2022). Lokal frost i relationerna. NKK.",
      "Sundqvist, G., & Lindberg, F. (2022). Lokal frost i relationerna. NKK.",
    ],
  ];
  const line = (s: CitableSource, labels: CitationLabels) => citePlainText({ ...event, uses: [{ source: s, quote: null, page: null }] }, labels).split("\n")[2]!.replace(/^\[1\] /, "");

  for (const [kind, s, sv, en] of kinds) {
    it(`cites a ${kind} in Swedish and in English, each detail once`, () => {
      expect(line(s, LABELS)).toBe(sv);
      expect(line(s, EN)).toBe(en);
      for (const detail of [s.paragraph, s.diarienummer, s.url].filter(Boolean)) expect(line(s, LABELS).split(detail!).length - 1).toBe(1);
    });
  }

  it("writes the whole citation in English in the English interface", () => {
    const text = citePlainText(event, EN);
    expect(text).toContain("[Data set]");
    expect(text).toContain("Sources:");
    expect(text).toContain("(2020, May 25). Minutes §45");
    expect(text).not.toMatch(/Källor|Hämtad|Protokoll|maj/);
  });

  it("cites a source known only by its reference text by that text", () => {
    const bare = source({ id: "b", kind: "publication", citation: "Sundqvist m.fl. 2022. Lokal frost" });
    expect(line(bare, EN)).toBe("Sundqvist m.fl. 2022. Lokal frost.");
  });
});

describe("BibTeX citations", () => {
  const bib = citeBibtex(event, LABELS);

  it("has an entry for the record that cites an entry per source", () => {
    expect(bib).toMatch(/^@misc\{avtalsregistret-event-9d0c1b2aaa,/);
    expect(bib).toContain("note = {Källor: \\cite{source-0b7f6f0e22}, \\cite{source-0b7f6f0e11}}");
    expect(bib).toContain("urldate = {2026-11-25}");
    expect(bib.match(/^@/gm)).toHaveLength(3);
  });

  it("gives each kind its entry type and fields, dates at their precision", () => {
    expect(bib).toContain("@techreport{source-0b7f6f0e11,");
    expect(bib).toContain("author = {Sundqvist, Gustav and Lindberg, Frida and Jerdén, Björn and Shao, Oscar}");
    expect(bib).toContain("institution = {Nationellt kunskapscentrum om Kina (NKK)}");
    expect(bib).toMatch(/@techreport\{source-0b7f6f0e11,[^@]*year = \{2022\},\n {2}date = \{2022\}/);
    expect(bib).toContain("@misc{source-0b7f6f0e22,");
    expect(bib).toContain("author = {{Kommunfullmäktige, Lidköpings kommun}}");
    expect(bib).toContain("date = {2020-05-25}");
    expect(bib).toContain("note = {§45, dnr KS 2020/123. s. 3}");
  });

  it("escapes TeX's special characters but keeps URLs verbatim", () => {
    const withArticle = citeBibtex({ ...event, uses: [{ source: article, quote: null, page: null }] }, LABELS);
    expect(withArticle).toContain("title = {{Vänort \\& 100\\% \\{oklart\\}\\_nu}}");
    expect(withArticle).toContain("journal = {Nya Lidköpings-Tidningen}");
    expect(withArticle).toContain("url = {https://example.se/a?b=1#c}");
    expect(bibEscape("a\\b~c^d")).toBe("a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d");
  });
});

describe("CSL-JSON citations", () => {
  const items = JSON.parse(citeCslJson(event, LABELS)) as Record<string, unknown>[];

  it("is valid JSON with the record first and one item per source", () => {
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      id: "avtalsregistret-event-9d0c1b2aaa",
      type: "dataset",
      title: "Lidköping – Chengdu (vänortssamarbete): Avslutat, 2020",
      URL: "https://avtal.example.se/agreements/abc#event-9d0c1b2a",
      accessed: { "date-parts": [[2026, 11, 25]] },
      note: "Källor: source-0b7f6f0e22, source-0b7f6f0e11",
    });
  });

  it("maps kinds to CSL types and keeps a year a year", () => {
    expect(items[1]).toMatchObject({ type: "document", author: [{ literal: "Kommunfullmäktige, Lidköpings kommun" }], issued: { "date-parts": [[2020, 5, 25]] }, number: "KS 2020/123" });
    expect(items[2]).toMatchObject({
      type: "report",
      issued: { "date-parts": [[2022]] },
      author: [
        { family: "Sundqvist", given: "Gustav" },
        { family: "Lindberg", given: "Frida" },
        { family: "Jerdén", given: "Björn" },
        { family: "Shao", given: "Oscar" },
      ],
      publisher: "Nationellt kunskapscentrum om Kina (NKK)",
    });
  });
});

describe("splitPersons", () => {
  it("splits people and keeps corporate names whole", () => {
    expect(splitPersons("Anna Andersson och Bo Berg")).toEqual([
      { given: "Anna", family: "Andersson" },
      { given: "Bo", family: "Berg" },
    ]);
    expect(splitPersons("Sundqvist, G.")).toBeNull();
    expect(splitPersons("Kommunfullmäktige, Lidköpings kommun")).toBeNull();
    expect(splitPersons(null)).toBeNull();
  });
});
