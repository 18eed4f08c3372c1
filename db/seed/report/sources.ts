import type { SeedSource } from "./types";

/**
 * Sources from "Lokal frost i relationerna" (NKK/UI, 2022): the report itself, and every footnote that
 * is evidence about a specific agreement. `citation` is the footnote text with the PDF's line breaks and
 * hyphenation removed. A footnote that names two sources (32, 48, 51) gives two sources; a source cited
 * by several footnotes (e.g. an interview) is one source listing all of them.
 *
 * Skipped as general background: footnotes 1–7, 10–11, 18, 20–26, 29, 36–44, 57.
 */
export const sources: SeedSource[] = [
  {
    key: "report",
    kind: "publication",
    title: "Lokal frost i relationerna: svenska kommuners, regioners och länsstyrelsers samarbeten med Kina",
    issuer: "Nationellt kunskapscentrum om Kina (NKK), Utrikespolitiska institutet",
    author: "Gustav Sundqvist, Frida Lindberg, Björn Jerdén, Oscar Shao",
    date: "2022",
    citation:
      "Sundqvist, G., Lindberg, F., Jerdén, B., Shao, O. 2022. Lokal frost i relationerna: svenska kommuners, regioners och länsstyrelsers samarbeten med Kina. Nationellt kunskapscentrum om Kina (NKK), Utrikespolitiska institutet.",
  },

  // Kommunala partnerskap: financing and purpose
  {
    key: "fn8-icld-kommunala-partnerskap",
    kind: "web_page",
    title: "Kommunala partnerskap",
    url: "https://icld.se/vart-arbete/kommunala-partnerskap/",
    retrievedOn: "2022-02-10",
    footnotes: [8],
    citation:
      "Internationellt Centrum för Lokal Demokrati (ICLD). Kommunala partnerskap. https://icld.se/vart-arbete/kommunala-partnerskap/ (Hämtad: 2022-02-10)",
  },
  {
    key: "fn9-skr-kommunala-partnerskap",
    kind: "web_page",
    title: "Kommunala partnerskap",
    url: "https://skr.se/demokratiledningstyrning/euinternationellt/internationellasamarbeten/kommunalapartnerskap.1551.html",
    retrievedOn: "2022-02-13",
    footnotes: [9],
    citation:
      "Sveriges Kommuner och Regioner (SKR). Kommunala partnerskap. https://skr.se/demokratiledningstyrning/euinternationellt/internationellasamarbeten/kommunalapartnerskap.1551.html (Hämtad: 2022-02-13)",
  },

  // Göteborg – Shanghai
  {
    key: "fn12-goteborg-shanghai-memorandum-1986",
    kind: "official_document",
    issuer: "Göteborgs Stad och Shanghai",
    title: "Memorandum of cooperation",
    date: "1986-05",
    footnotes: [12],
    citation: "Memorandum of cooperation mellan Göteborgs Stad och Shanghai ingicks i maj 1986.",
  },
  {
    key: "fn12-goteborg-shanghai-sister-city-2003",
    kind: "official_document",
    issuer: "Göteborgs Stad och Shanghai",
    title:
      "Agreement on the establishment of sister city relationship between Shanghai municipality of the People’s Republic of China and the city of Göteborg of the kingdom of Sweden",
    date: "2003-10-23",
    footnotes: [12],
    citation:
      "Den 23 oktober 2003 ingick Shanghai och Göteborgs Stad ytterligare ett avtal: Agreement on the establishment of sister city relationship between Shanghai municipality of the People’s Republic of China and the city of Göteborg of the kingdom of Sweden.",
  },
  {
    key: "fn13-hellqvist-2000",
    kind: "publication",
    title: "Göteborg och Shanghai – systrar bland städer och vänner i världen",
    author: "Hellqvist, K.",
    issuer: "Kulturverkstan (study project commissioned by Kinarådet)",
    date: "2000",
    url: "https://docplayer.se/1852209-Goteborg-och-shanghai-systrar-bland-stader-och-vanner-i-varlden.html",
    footnotes: [13],
    citation:
      "Hellqvist, K. 2000. Göteborg och Shanghai – systrar bland städer och vänner i världen, Study project within Kulturverkstan, commissioned by Kinarådet, s. 13, https://docplayer.se/1852209-Goteborg-och-shanghai-systrar-bland-stader-och-vanner-i-varlden.html",
  },

  // Interviews (all by Gustav Sundqvist)
  {
    key: "fn15-interview-1",
    kind: "interview",
    interviewNumber: 1,
    date: "2020-02-11",
    interviewer: "Gustav Sundqvist",
    footnotes: [15, 19, 34],
    citation: "Intervju nr 1, av Gustav Sundqvist, 11 februari, 2020.",
  },
  {
    key: "fn16-interview-2",
    kind: "interview",
    interviewNumber: 2,
    date: "2020-02-18",
    interviewer: "Gustav Sundqvist",
    footnotes: [16, 30],
    citation:
      "Intervju nr 2, av Gustav Sundqvist, 18 februari, 2020. (Fotnot 30: Intervju nr 2, av Gustav Sundqvist, Västerås, 18 februari 2020.)",
  },
  {
    key: "fn14-interview-3",
    kind: "interview",
    interviewNumber: 3,
    date: "2020-02-18",
    interviewer: "Gustav Sundqvist",
    footnotes: [14, 17],
    citation: "Intervju nr 3, av Gustav Sundqvist, 18 februari, 2020.",
  },

  // Borlänge – Wuhan
  {
    key: "fn27-borlange-m-motion-2019",
    kind: "official_document",
    issuer: "Moderaterna, Borlänge kommun",
    title: "Motion – Avsluta Borlänge kommuns vänortssamarbete med Wuhan, Kina",
    // The footnote gives 2019; the report text says the motion was made in April 2019.
    date: "2019-04",
    footnotes: [27],
    citation:
      "Borlänge kommun, Moderaterna. 2019. Motion – Avsluta Borlänge kommuns vänortssamarbete med Wuhan, Kina.",
  },
  {
    key: "fn28-borlange-kf-2019-12-10",
    kind: "protocol",
    // The footnote names no body; the report text says kommunfullmäktige granted the motion.
    body: "Kommunfullmäktige, Borlänge kommun",
    title: "Svar på motion från (M) om att avsluta samarbete med Wuhan, Kina",
    meetingDate: "2019-12-10",
    paragraph: "§211",
    diarienummer: "2019/1060",
    footnotes: [28],
    citation:
      "Sammanträdesprotokoll 2019-12-10, §211 Svar på motion från (M) om att avsluta samarbete med Wuhan, Kina. Diarienummer: 2019/1060",
  },

  // Mora – Changchun (footnotes 31 and 47 cite the same protocol)
  {
    key: "fn31-mora-2020-09-14",
    kind: "protocol",
    // The footnotes name no body; the report text says kommunfullmäktige decided. The "KS" diarienummer
    // suggests the matter was registered by kommunstyrelsen.
    body: "Kommunfullmäktige, Mora kommun",
    title: "Samarbetsavtal mellan Mora kommun och Changchun, Folkrepubliken Kina och översyn av vänortsavtal",
    meetingDate: "2020-09-14",
    paragraph: "§158",
    diarienummer: "KS 2020/00265-2",
    footnotes: [31, 47],
    citation:
      "Sammanträdesprotokoll 2020-09-14, §158 Samarbetsavtal mellan Mora kommun och Changchun, Folkrepubliken Kina och översyn av vänortsavtal § 158MK KS 2020/00265-2 (fotnot 31); Mora kommun. 2020. Sammanträdesprotokoll, §158 Samarbetsavtal mellan Mora kommun och Changchun, Folkrepubliken Kina och översyn av vänortsavtal. 14 september, § 158MK KS 2020/00265-2 (fotnot 47)",
  },

  // Bengtsfors – Wuzhou
  {
    key: "fn32-dalslanningen-2019-12-05",
    kind: "article",
    outlet: "Dalslänningen",
    title: "Kinadebatt: Vänortsutbyte ifrågasatt",
    publishedOn: "2019-12-05",
    url: "https://www.dalslanningen.se/2019/12/05/kinadebatt-vanortsutbyte-fortsatter/",
    retrievedOn: "2022-02-10",
    footnotes: [32],
    citation:
      "Dalslänningen. 2019. Kinadebatt: Vänortsutbyte ifrågasatt. 5 december. https://www.dalslanningen.se/2019/12/05/kinadebatt-vanortsutbyte-fortsatter/ (Hämtad: 2022-02-10)",
  },
  {
    key: "fn32-sr-kina-systerstader-2020-04-13",
    kind: "article",
    outlet: "Sveriges Radio",
    title: "Kina och de svenska systerstäderna",
    publishedOn: "2020-04-13",
    url: "https://sverigesradio.se/avsnitt/1479988",
    retrievedOn: "2020-06-25",
    footnotes: [32],
    citation:
      "Sveriges Radio. 2020. Kina och de svenska systerstäderna. 13 april. https://sverigesradio.se/avsnitt/1479988. (Hämtad: 2020-06-25)",
  },
  {
    key: "fn33-bengtsfors-email-2021-11-29",
    kind: "email",
    correspondent: "Bengtsfors kommun",
    date: "2021-11-29",
    footnotes: [33],
    citation: "Mejlkorrespondens med Bengtsfors kommun, 29 november 2021.",
  },

  // Skellefteå – Tongling
  {
    key: "fn35-svt-skelleftea-tongling-2021-02-03",
    kind: "article",
    // The footnote says "Sveriges Radio", but its title and URL are SVT Nyheter's.
    outlet: "SVT Nyheter",
    title: "Skellefteå och Tongling går skilda vägar",
    author: "Ottosson, B.",
    publishedOn: "2021-02-03",
    url: "https://www.svt.se/nyheter/lokalt/vasterbotten/skelleftea-och-tongling-gar-skilda-vagar",
    retrievedOn: "2021-11-23",
    footnotes: [35],
    citation:
      "Ottosson, B. 2021. Skellefteå och Tongling går skilda vägar. Sveriges Radio. 3 februari. Skellefteå och Tongling går skilda vägar | SVT Nyheter https://www.svt.se/nyheter/lokalt/vasterbotten/skelleftea-och-tongling-gar-skilda-vagar (Hämtad: 2021-11-23).",
  },

  // Kalix – Lanzhou
  {
    key: "fn45-kalix-utredning-2018-01-25",
    kind: "official_document",
    issuer: "Kalix kommun",
    title: "Utredning om Kalix kommuns medverkan i intressebaserade sammanslutningar",
    date: "2018-01-25",
    diarienummer: "2017-00192 101",
    footnotes: [45],
    citation:
      "Kalix kommun. 2018. Utredning om Kalix kommuns medverkan i intressebaserade sammanslutningar. 25 januari. Diarienummer: 2017-00192 101",
  },
  {
    key: "fn46-kalix-ksuu-42",
    kind: "protocol",
    body: "Kommunstyrelsens utvecklingsutskott, Kalix kommun",
    title: "Kalix kommun och Lanzhou, Gansuprovinsen, Kina – handelsavtal",
    paragraph: "§42",
    diarienummer: "2018-00499 005",
    footnotes: [46],
    citation:
      "Bortsett från dessa två huvudsakliga skäl beslutade Kalix att avsluta avtalet med Lanzhou 2018 mot bakgrund av brist på aktivitet i utbytet. Kommunstyrelsens utvecklingsutskott § 42 Kalix kommun och Lanzhou, Gansuprovinsen, Kina – handelsavtal. Diarienummer: 2018-00499 005",
  },

  // Region Dalarna – Hubei, Lidköping – Chengdu (footnote 48)
  {
    key: "fn48-region-dalarna-pm-2020-08-13",
    kind: "official_document",
    issuer: "Region Dalarna",
    title: "PM, Samarbetet mellan Region Dalarna och Hubeiprovinsen i Kina",
    date: "2020-08-13",
    diarienummer: "RD20/02368",
    footnotes: [48],
    citation:
      "Region Dalarna. 2020. PM, Samarbetet mellan Region Dalarna och Hubeiprovinsen i Kina. 13 augusti. Diarienummer: RD20/02368",
  },
  {
    key: "fn48-lidkoping-email-2021-11-23",
    kind: "email",
    correspondent: "Lidköpings kommun",
    date: "2021-11-23",
    footnotes: [48],
    citation: "Mejlkorrespondens med Lidköpings kommun, 23 november, 2021.",
  },

  // Göteborg – Shanghai, 2020 (footnotes 49–51)
  {
    key: "fn49-goteborg-delarsrapport-2020-04-15",
    kind: "official_document",
    issuer: "Göteborgs Stad, stadsledningskontoret",
    title: "Delårsrapport mars 2020, Kommunledningen",
    date: "2020-04-15",
    url: "https://www4.goteborg.se/prod/Intraservice/Namndhandlingar/SamrumPortal.nsf/B7C2FBC5CFCDEBA0C125854A004160D5/$File/1.1_20200422.pdf?OpenElement",
    retrievedOn: "2022-01-10",
    footnotes: [49, 50],
    citation:
      "Göteborgs Stad, stadsledningskontoret. 2020. Delårsrapport mars 2020, Kommunledningen. 15 april, sid 18. https://www4.goteborg.se/prod/Intraservice/Namndhandlingar/SamrumPortal.nsf/B7C2FBC5CFCDEBA0C125854A004160D5/$File/1.1_20200422.pdf?OpenElement (Hämtad: 2022-01-10) (fotnot 49); Ibid, s. 19. (fotnot 50)",
  },
  {
    key: "fn51-p4-goteborg-2020-04-22",
    kind: "article",
    outlet: "Sveriges Radio, P4 Göteborg",
    title: "Göteborg avslutar avtal med Shanghai",
    publishedOn: "2020-04-22",
    url: "https://sverigesradio.se/artikel/7458148",
    retrievedOn: "2022-01-15",
    footnotes: [51],
    citation:
      "P4 Göteborg. 2020. Göteborg avslutar avtal med Shanghai. Sveriges Radio. 22 april. Göteborg avslutar avtal med Shanghai - P4 Göteborg | Sveriges Radio https://sverigesradio.se/artikel/7458148 (Hämtad: 2022-01-15).",
  },
  {
    key: "fn51-goteborg-email-2022-01-18",
    kind: "email",
    correspondent: "Göteborgs Stad",
    date: "2022-01-18",
    footnotes: [51],
    citation: "Mejlkorrespondens med Göteborgs Stad, 18 januari 2022.",
  },

  // Malmö – Tangshan
  {
    key: "fn52-malmo-ks-2020-08-19",
    kind: "protocol",
    body: "Kommunstyrelsen, Malmö stad",
    title: "Nämndinitiativ om Malmö stads samarbeten med Kina",
    meetingDate: "2020-08-19",
    paragraph: "§277",
    diarienummer: "STK-2020-1024",
    footnotes: [52],
    citation:
      "Malmö Stad. Protokoll KS 2020-08-19, §277 Nämndinitiativ om Malmö stads samarbeten med Kina. STK-2020-1024",
  },

  // E-mails from the Swedish parties
  {
    key: "fn53-uppsala-lst-email-2021-11-25",
    kind: "email",
    correspondent: "Länsstyrelsen i Uppsala län",
    date: "2021-11-25",
    footnotes: [53],
    citation: "Mejlkorrespondens med Uppsala länsstyrelse, 25 november, 2021.",
  },
  {
    key: "fn54-skovde-email-2022-01-17",
    kind: "email",
    correspondent: "Skövde kommun",
    date: "2022-01-17",
    footnotes: [54],
    citation: "Mejlkorrespondens med Skövde kommun, 17 januari 2022.",
  },
  {
    key: "fn55-umea-email-2022-01-17",
    kind: "email",
    correspondent: "Umeå kommun",
    date: "2022-01-17",
    footnotes: [55],
    citation: "Mejlkorrespondens med Umeå kommun, 17 januari 2022.",
  },
  {
    key: "fn56-jonkoping-email-2022-02-08",
    kind: "email",
    correspondent: "Jönköpings kommun",
    date: "2022-02-08",
    footnotes: [56],
    citation: "Mejlkorrespondens med Jönköpings kommun, 8 februari 2022.",
  },
];
