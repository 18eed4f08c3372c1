import type { SeedAgreement, SeedCitation, SeedEvent, SwedishPartyRef } from "./types";

/**
 * Every row of the appendix of "Lokal frost i relationerna" (NKK/UI, 2022), in appendix order.
 * A row listing two agreements (Borlänge, Region Dalarna, Vara, Åmål) gives two agreements, in the
 * order of the row's classification column. Status histories start with the establishment and add the
 * appendix status, enriched with what the report text and its footnotes say.
 *
 * Conventions:
 * - Endings 2017–2021 are initiated by the Swedish side unless the appendix says otherwise; the summary
 *   says so ("alla utom ett av dessa på initiativ från den svenska sidan"). For endings before 2017, or at
 *   an unknown date, the report does not say who took the initiative: initiatedBy "unknown".
 * - "Vilande" without a year in the report: a dormant event with date null (unknown) and initiatedBy "unknown".
 * - Reasons taken from the report's lists of municipalities cite the report text by section name.
 */

// ---- Citations of the report ------------------------------------------------------------------

const APPENDIX: SeedCitation = { source: "report", page: "Appendix" };

const SEC_SUMMARY = "Sammanfattning";
const SEC_DEFINITIONS = "Svenska kommuners, regioners och länsstyrelsers samarbeten med Kina";
const SEC_GOLDEN = "Den gyllene eran för subnationellt samarbete mellan Sverige och Kina";
const SEC_TURN = "Vändpunkten: samarbeten med Kina börjar minska";
const SEC_HUMAN_RIGHTS = "Olust över utvecklingen för demokrati och mänskliga rättigheter i Kina";
const SEC_STATE = "Missnöje med den kinesiska statens agerande mot Sverige";
const SEC_ACTIVITY = "Bristande aktivitet i samarbetet";
const SEC_FUTURE = "En osäker framtid";

const text = (page: string, quote?: string): SeedCitation => ({ source: "report", page, ...(quote ? { quote } : {}) });
const cite = (source: string, quote?: string, page?: string): SeedCitation => ({
  source,
  ...(quote ? { quote } : {}),
  ...(page ? { page } : {}),
});

/** The summary's statement that all endings since 2017 but one were initiated by the Swedish side. */
const SWEDISH_INITIATIVE = text(
  SEC_SUMMARY,
  "Sedan 2017 har dock 21 samarbeten avslutats, alla utom ett av dessa på initiativ från den svenska sidan.",
);
/** The statement about partnerships ended early or not renewed since 2018. */
const PARTNERSHIPS_ENDED = text(
  SEC_TURN,
  "I tillägg har sju kommuner och en region sedan 2018 valt att i förväg avbryta eller inte förlänga sina tidsbegränsade kommunala partnerskap.",
);
const PAUSES = text(SEC_TURN, "Fyra kommuner och en länsstyrelse har dessutom valt att pausa sina samarbeten.");

/** The report's lists of who gave which reason. */
const LIST_HUMAN_RIGHTS = text(
  SEC_HUMAN_RIGHTS,
  "Utöver dessa exempel har den politiska situationen i Kina angetts som skäl för avslutade och pausade samarbeten av företrädare från Kronoberg, Vara, Dalarna, Filipstad, Västerås, Gävle, Linköping, Bengtsfors och Malmö.",
);
const LIST_STATE = text(
  SEC_STATE,
  "Sammantaget angavs konflikten mellan Sverige och Kina som skäl till att samarbeten avslutades eller pausades av företrädare från Bengtsfors, Borlänge, Linköping och Skellefteå.",
);
const LIST_ACTIVITY = text(
  SEC_ACTIVITY,
  "Även företrädare från Skellefteå och Svenljunga har uppgett liknande skäl till att deras respektive samarbeten avslutades.",
);
const OPPOSITION_HUMAN_RIGHTS = text(
  SEC_HUMAN_RIGHTS,
  "Även i Göteborg, Åmål och Södertälje har oppositionen angett detta som skäl i sin kritik mot samarbeten.",
);
const OPPOSITION_STATE = text(
  SEC_STATE,
  "Även oppositionen i Åmål har angett detta som skäl i sin kritik mot stadens samarbeten med Kina.",
);

/** Financing of kommunala partnerskap (Sida via ICLD), cited on every partnership. */
const PARTNERSHIP_FUNDING = "Sida via ICLD";
const PARTNERSHIP_SOURCES: SeedCitation[] = [
  text(
    SEC_DEFINITIONS,
    "Projekten finansieras av Styrelsen för internationellt utvecklingssamarbete (Sida) och förvaltas av Internationellt Centrum för Lokal Demokrati (ICLD), som har Sveriges Kommuner och Regioner (SKR) som huvudman.",
  ),
  cite("fn9-skr-kommunala-partnerskap"),
  cite("fn8-icld-kommunala-partnerskap"),
];

const FIRST_PARTNERSHIPS_2009 = text(
  SEC_GOLDEN,
  "De första kommunala partnerskapen med Kina startade 2009 då Borlänge, Kalix och Vara inledde projekt med Wuhan, Lanzhou respektive Huangshan.",
);

// ---- Parties ------------------------------------------------------------------------------------

const kommun = (code: string): SwedishPartyRef => ({ kind: "kommun", code });
const region = (countyCode: string): SwedishPartyRef => ({ kind: "region", code: countyCode });
const lansstyrelse = (countyCode: string): SwedishPartyRef => ({ kind: "lansstyrelse", code: countyCode });

// ---- Events -------------------------------------------------------------------------------------

const established = (date: string, extra: SeedCitation[] = []): SeedEvent => ({
  status: "active",
  date,
  initiatedBy: "both",
  sources: [APPENDIX, ...extra],
});

const dormantUnknown = (): SeedEvent => ({
  status: "dormant",
  date: null,
  initiatedBy: "unknown",
  note: "Vilande enligt appendix; rapporten anger inte sedan när.",
  sources: [APPENDIX],
});

/** An ending before the study period (before 2017): the report does not say who took the initiative. */
const terminatedEarly = (date: string | null): SeedEvent => ({
  status: "terminated",
  date,
  initiatedBy: "unknown",
  note:
    date === null
      ? "Avslutat (oklart när) enligt appendix; rapporten anger varken när eller på vems initiativ."
      : "Avslutat enligt appendix; rapporten anger inte på vems initiativ.",
  sources: [APPENDIX],
});

/** An ending 2017–2021 initiated by the Swedish side. */
const terminatedRecent = (date: string, rest: Partial<SeedEvent> = {}, extra: SeedCitation[] = []): SeedEvent => ({
  status: "terminated",
  date,
  initiatedBy: "swedish_side",
  ...rest,
  sources: [APPENDIX, ...extra, SWEDISH_INITIATIVE],
});

// ---- Agreements ---------------------------------------------------------------------------------

export const agreements: SeedAgreement[] = [
  {
    key: "bengtsfors-wuzhou-twin",
    swedish: kommun("1460"),
    foreign: "cn-wuzhou",
    kind: "twin_city",
    established: "2015",
    notes:
      "Dalslänningens artikel (fotnot 32) har rubriken ”Kinadebatt: Vänortsutbyte ifrågasatt” men adressen slutar på ”kinadebatt-vanortsutbyte-fortsatter”.",
    events: [
      established("2015"),
      {
        status: "paused",
        date: "2020",
        initiatedBy: "swedish_side",
        reasons: ["human_rights", "chinese_state_conduct"],
        note:
          "Kinas dåvarande Sverigeambassadör besökte Bengtsfors 2019, bara dagar efter att ha hotat Sverige med sanktioner med anledning av kritiken mot fängslandet av Gui Minhai. Kommunstyrelsens ordförande kallade hoten oacceptabla men försvarade inledningsvis samarbetet med Wuzhou; efter omfattande kritik från oppositionen pausades samarbetet 2020.",
        sources: [
          APPENDIX,
          cite("fn33-bengtsfors-email-2021-11-29"),
          text(SEC_STATE, "Efter omfattande kritik från oppositionen pausades dock samarbetet 2020."),
          cite("fn32-dalslanningen-2019-12-05"),
          cite("fn32-sr-kina-systerstader-2020-04-13"),
          LIST_HUMAN_RIGHTS,
          LIST_STATE,
          PAUSES,
        ],
      },
    ],
  },
  {
    key: "lansstyrelsen-blekinge-yunnan-twin",
    swedish: lansstyrelse("10"),
    foreign: "cn-yunnan",
    kind: "twin_city",
    designation: "samarbetsprojekt/avtal",
    established: "2000",
    notes: "Appendixets not 2: ”Vänlänssamarbete” har i studien kodats som ”vänortssamarbete”.",
    events: [established("2000"), terminatedEarly("2016")],
  },
  {
    key: "bollnas-heze-twin",
    swedish: kommun("2183"),
    foreign: "cn-heze",
    kind: "twin_city",
    designation: "samarbetsöverenskommelse",
    established: "2008",
    events: [established("2008"), dormantUnknown()],
  },
  {
    key: "borlange-wuhan-twin",
    swedish: kommun("2081"),
    foreign: "cn-wuhan",
    kind: "twin_city",
    established: "2007",
    notes:
      "Samarbetet inleddes enligt intervju nr 1 när Wuhans lokalregering via en kinesisk kock på en kinarestaurang i Borlänge arrangerade en kräftfest för Borlängebor; det resulterade i att Wuhan reformerade sitt avfallshanteringssystem med inspiration från Borlänge. Kommunfullmäktiges beslut 2019 gällde att ”successivt avsluta avtal och projekt”, dvs. både vänortssamarbetet och det kommunala partnerskapet.",
    sources: [
      cite("fn15-interview-1"),
      text(
        SEC_GOLDEN,
        "I samarbetet mellan Wuhan och Borlänge blev en kock från den kinesiska staden, som arbetade på en kinarestaurang i Borlänge, mellanhand. Wuhans lokalregering tog hjälp av kinarestaurangen för att arrangera en kräftfest dit Borlängeborna bjöds in, vilket blev inledningen till de två städernas samarbete.",
      ),
    ],
    events: [
      established("2007", [
        text(SEC_HUMAN_RIGHTS, "Borlänge, som inledde sin relation med Wuhan 2007, avbröt samarbetet i slutet av 2019."),
      ]),
      terminatedRecent(
        "2019-12-10",
        {
          decidedBy: "Kommunfullmäktige",
          reasons: ["human_rights", "chinese_state_conduct"],
          note:
            "Moderaterna motionerade i april 2019 om att kommunen snarast borde avsluta vänortssamarbetet med Wuhan; kommunfullmäktige biföll motionen 2019-12-10 (§211, dnr 2019/1060).",
        },
        [
          cite(
            "fn28-borlange-kf-2019-12-10",
            "Den politiska majoriteten har med oro följt utvecklingen i Kina och är nu överens om att successivt avsluta avtal och projekt.",
          ),
          cite(
            "fn27-borlange-m-motion-2019",
            "Kina är en socialistisk folkrepublik som styrs av Kinas kommunistiska parti under ett enpartisystem, där förekommer omfattande censur, förtryck, tortyr och dödsstraff",
          ),
          text(SEC_HUMAN_RIGHTS, "Borlänge, som inledde sin relation med Wuhan 2007, avbröt samarbetet i slutet av 2019."),
          LIST_STATE,
        ],
      ),
    ],
  },
  {
    key: "borlange-wuhan-partnership",
    swedish: kommun("2081"),
    foreign: "cn-wuhan",
    kind: "partnership",
    established: "2007",
    funding: PARTNERSHIP_FUNDING,
    areas: ["avfallshantering"],
    notes:
      "Motsägelse i rapporten: texten (”Den gyllene eran …”) säger att de första kommunala partnerskapen med Kina startade 2009, däribland Borlänges med Wuhan, medan appendix anger etableringsår 2007 för Borlänges rad (både vänortssamarbete och partnerskap). Appendixets år är seedat. Texten säger också att Borlänge redan hade ett etablerat vänortssamarbete när partnerskapet initierades, vilket stämmer med textens 2009 men inte syns i appendix där båda har 2007. Avslutet 2019 bygger på kommunfullmäktiges beslut att ”successivt avsluta avtal och projekt”; rapporten anger inte om partnerskapet avbröts i förväg eller inte förlängdes.",
    sources: [
      cite("fn15-interview-1"),
      text(
        SEC_GOLDEN,
        "Borlänges kommunala partnerskap med Wuhan berörde inledningsvis utvecklingen av effektivare och miljövänligare system inom avfallshanteringsområdet, ett projekt som också ansågs ha demokratidimensioner.",
      ),
      ...PARTNERSHIP_SOURCES,
    ],
    events: [
      established("2007", [FIRST_PARTNERSHIPS_2009]),
      terminatedRecent(
        "2019-12-10",
        {
          decidedBy: "Kommunfullmäktige",
          reasons: ["human_rights", "chinese_state_conduct"],
          note: "Samma beslut som för vänortssamarbetet: kommunfullmäktige 2019-12-10, §211, dnr 2019/1060.",
        },
        [
          cite(
            "fn28-borlange-kf-2019-12-10",
            "Den politiska majoriteten har med oro följt utvecklingen i Kina och är nu överens om att successivt avsluta avtal och projekt.",
          ),
          PARTNERSHIPS_ENDED,
          LIST_STATE,
        ],
      ),
    ],
  },
  {
    key: "boras-yancheng-twin",
    swedish: kommun("1490"),
    foreign: "cn-yancheng",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "2013",
    notes:
      "Appendix klassificerar samarbetet som ”Samarbetsavtal”; enligt rapportens fotnot 5 räknas även samarbetsavtal som vänortssamarbeten eftersom de inte är tidsbegränsade.",
    events: [established("2013"), dormantUnknown()],
  },
  {
    key: "lansstyrelsen-dalarna-chengdu-twin",
    swedish: lansstyrelse("20"),
    foreign: "cn-chengdu",
    kind: "twin_city",
    designation: "friendly cooperation",
    established: "1999",
    events: [established("1999"), terminatedEarly("2012")],
  },
  {
    key: "region-dalarna-hubei-twin",
    swedish: region("20"),
    foreign: "cn-hubei",
    kind: "twin_city",
    designation: "sister regions",
    established: "2008",
    notes:
      "Appendix: ”Vänort: Avslutat (2020)”. Rapporttexten säger att Region Dalarna har kommit fram till att inte förlänga avtal; slutet är därför seedat som expired (inte förlängt) snarare än terminated. Texten anger inte vilket av regionens två avtal med Hubei som inte förlängdes; vänortsavtalet har antagits. Texten nämner ”Dalarna” bland dem som angett den politiska situationen i Kina som skäl, utan att skilja mellan regionens två avtal.",
    events: [
      established("2008"),
      {
        status: "expired",
        date: "2020",
        initiatedBy: "swedish_side",
        reasons: ["human_rights"],
        note: "Inte förlängt enligt rapporttexten; appendix anger Avslutat (2020).",
        sources: [
          APPENDIX,
          cite("fn48-region-dalarna-pm-2020-08-13"),
          text(SEC_FUTURE, "En del, såsom Lidköping och Region Dalarna, har kommit fram till att inte förlänga avtal."),
          LIST_HUMAN_RIGHTS,
          SWEDISH_INITIATIVE,
        ],
      },
    ],
  },
  {
    key: "region-dalarna-hubei-partnership",
    swedish: region("20"),
    foreign: "cn-hubei",
    kind: "partnership",
    designation: "friendship and cooperation",
    established: "2011",
    funding: PARTNERSHIP_FUNDING,
    notes:
      "Det enda kommunala partnerskapet med en region som svensk part. Rapporten anger inte om partnerskapet avbröts i förväg eller inte förlängdes.",
    sources: [...PARTNERSHIP_SOURCES],
    events: [
      established("2011"),
      terminatedRecent("2019", { reasons: ["human_rights"] }, [PARTNERSHIPS_ENDED, LIST_HUMAN_RIGHTS]),
    ],
  },
  {
    key: "eskilstuna-linyi-twin",
    swedish: kommun("0484"),
    foreign: "cn-linyi",
    kind: "twin_city",
    established: "2008",
    events: [established("2008"), dormantUnknown()],
  },
  {
    key: "falkenberg-shijiazhuang-twin",
    swedish: kommun("1382"),
    foreign: "cn-shijiazhuang",
    kind: "twin_city",
    designation: "systerstadsavtal",
    established: "2002",
    areas: ["skola", "idrott"],
    notes:
      "Intervju nr 2 är med en lokal kommunpolitiker i Falkenberg. Fotnot 30 anger ”Västerås” som ort för intervjun, fotnot 16 (samma intervju) gör det inte.",
    sources: [
      cite("fn16-interview-2"),
      text(
        SEC_GOLDEN,
        "I andra samarbeten, som det mellan Falkenberg och Shijiazhuang, låg tonvikten på områden som skola och idrott.",
      ),
    ],
    events: [
      established("2002"),
      terminatedRecent(
        "2019",
        {
          reasons: ["human_rights"],
          note:
            "Enligt en lokal kommunpolitiker var den oroande utvecklingen i Kina rörande mänskliga rättigheter huvudorsaken; det hade också funnits kritik mot Konfuciusklassrummet.",
        },
        [
          cite(
            "fn16-interview-2",
            "Det var egentligen inte mycket diskussioner, utan vi har haft en viss kritik under åren, framför allt om Konfuciusklassrummet, men även mot samarbetet i sin helhet. Det är ju utifrån moraliska aspekter och just då var det aktuellt av (sic) förföljelserna av den muslimska minoriteten och mycket annat som de kanske inte ska vara så stolta över, och då tycker inte vi att vi kan ha ett etablerat samarbete med dem.",
          ),
          text(
            SEC_HUMAN_RIGHTS,
            "I Falkenberg togs det 2019 beslut om att avsluta det 17 år gamla vänortsavtalet med Shijiazhuang.",
          ),
        ],
      ),
    ],
  },
  {
    key: "falun-nanjing-twin",
    swedish: kommun("2080"),
    foreign: "cn-nanjing",
    kind: "twin_city",
    established: "2006",
    events: [established("2006"), terminatedEarly("2007")],
  },
  {
    key: "filipstad-longyan-twin",
    swedish: kommun("1782"),
    foreign: "cn-longyan",
    kind: "twin_city",
    established: "2016",
    events: [established("2016"), terminatedRecent("2021", { reasons: ["human_rights"] }, [LIST_HUMAN_RIGHTS])],
  },
  {
    key: "lansstyrelsen-gotland-hainan-twin",
    swedish: lansstyrelse("09"),
    foreign: "cn-hainan",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "2010",
    events: [established("2010")],
  },
  {
    key: "gavle-zhuhai-partnership",
    swedish: kommun("2180"),
    foreign: "cn-zhuhai",
    kind: "partnership",
    established: "2010",
    funding: PARTNERSHIP_FUNDING,
    sources: [...PARTNERSHIP_SOURCES],
    events: [
      established("2010"),
      terminatedRecent("2020", { reasons: ["human_rights"] }, [PARTNERSHIPS_ENDED, LIST_HUMAN_RIGHTS]),
    ],
  },
  {
    key: "goteborg-shanghai-twin",
    swedish: kommun("1480"),
    foreign: "cn-shanghai",
    kind: "twin_city",
    established: "1986-05",
    notes: [
      "Grundavtalet (Memorandum of Cooperation) ingicks i maj 1986 (fotnot 12); den 23 oktober 2003 ingicks ytterligare ett avtal som utökade samarbetsområdena.",
      "Motsägelser i rapporten: (1) texten kallar 2003 års avtal ”samförståndsavtal” medan fotnot 12 ger dess titel som ”Agreement on the establishment of sister city relationship”; texten säger samtidigt att vänortssamarbetet etablerades 1986; (2) texten säger att samförståndsavtalet ”i regel” gäller i två år och förnyas automatiskt, medan den citerade delårsrapporten talar om ”nya tre-åriga uppdateringar av samförståndsavtalet”.",
      "P4 Göteborgs rubrik (fotnot 51) är ”Göteborg avslutar avtal med Shanghai”, men rapporten betonar att grundavtalet från 1986 ligger kvar och klassar samarbetet som delvis avslutat.",
      "Oppositionen i Göteborg har angett den politiska situationen i Kina som skäl i sin kritik mot samarbetet; rapporten anger inget skäl för stadens eget beslut, så inget skäl är seedat för det.",
    ].join(" "),
    sources: [
      cite("fn12-goteborg-shanghai-sister-city-2003"),
      text(
        SEC_FUTURE,
        "Innan beslutet fattades 2020 hade avtalet förlängts sedan 2003, då det ingicks. När detta samförståndsavtal tecknades utökades områdena för utbytet som Shanghai och Göteborg hade haft sedan ”grundavtalet” ingicks 1986.",
      ),
      OPPOSITION_HUMAN_RIGHTS,
    ],
    events: [
      established("1986-05", [
        cite("fn12-goteborg-shanghai-memorandum-1986"),
        text(
          SEC_GOLDEN,
          "År 1986 markerar startskottet för Sveriges och Kinas subnationella utbyten, då Shanghai och Göteborg etablerade ett vänortssamarbete.",
        ),
      ]),
      {
        status: "paused",
        date: "1989",
        initiatedBy: "unknown",
        reasons: ["human_rights"],
        note: "Kontakterna pausades med anledning av massakern vid Himmelska fridens torg i Peking.",
        sources: [
          text(
            SEC_GOLDEN,
            "Kontakterna mellan de två städerna pausades 1989 med anledning av massakern vid Himmelska fridens torg i Peking, men återupptogs redan året därpå.",
          ),
          cite("fn13-hellqvist-2000", undefined, "s. 13"),
        ],
      },
      {
        status: "resumed",
        date: "1990",
        initiatedBy: "unknown",
        note: "Kontakterna återupptogs året efter pausen.",
        sources: [
          text(
            SEC_GOLDEN,
            "Kontakterna mellan de två städerna pausades 1989 med anledning av massakern vid Himmelska fridens torg i Peking, men återupptogs redan året därpå.",
          ),
          cite("fn13-hellqvist-2000", undefined, "s. 13"),
        ],
      },
      {
        status: "partially_terminated",
        date: "2020",
        initiatedBy: "swedish_side",
        note:
          "Göteborg beslutade 2020 att inte förlänga samförståndsavtalet från 2003 (i praktiken ett avslut genom att inte förnya, men bara av den delen av samarbetet). Grundavtalet Memorandum of Cooperation från 1986 ligger kvar, och Business Region Göteborg och Hamnen kan fortsätta sina utbyten med Shanghai.",
        sources: [
          APPENDIX,
          cite(
            "fn49-goteborg-delarsrapport-2020-04-15",
            "Sammanfattningsvis kan stadsledningskontoret konstatera att samarbetet med Shanghai främst är viktigt inom näringslivet, hamnen och för akademin. Inom ramen för grundavtalet ’Memorandum of Cooperation’ och utifrån sina grunduppdrag kan BRG [Business Region Göteborg] och Hamnen fortsätta sina utbyten med Shanghai om de önskar/bedömer det som ändamålsenligt. Därutöver bedömer stadsledningskontoret att det inte är aktuellt med nya tre-åriga uppdateringar av samförståndsavtalet ej heller att ta fram någon ytterligare handlingsplan.",
            "sid 18–19",
          ),
          text(
            SEC_FUTURE,
            "Även Göteborg – som inledde det första svenska utbytet med Kina 1986 – beslutade 2020 att inte förlänga sitt så kallade samförståndsavtal med Shanghai.",
          ),
          text(
            SEC_FUTURE,
            "Göteborgs beslut innebar som synes inte att allt samarbete med Shanghai avslutades, då grundavtalet från 1986 ligger kvar.",
          ),
          cite("fn51-p4-goteborg-2020-04-22"),
          cite("fn51-goteborg-email-2022-01-18"),
        ],
      },
    ],
  },
  {
    key: "hylte-panzhihua-twin",
    swedish: kommun("1315"),
    foreign: "cn-panzhihua",
    kind: "twin_city",
    established: "2001",
    events: [established("2001"), terminatedEarly("2009")],
  },
  {
    key: "jonkoping-tianjin-twin",
    swedish: kommun("0680"),
    foreign: "cn-tianjin",
    kind: "twin_city",
    established: "1993",
    notes:
      "Appendix anger ”Vilande”; kommunen beskriver (fotnot 56) avtalet som fortfarande gällande men med endast årliga kontakter under några år.",
    sources: [
      cite(
        "fn56-jonkoping-email-2022-02-08",
        "Avtalet med Tianjin fortfarande löper på (sic). Trots att det bara varit årliga kontakter under några år, finns det inget önskemål i dagsläge (sic) från vare sig Tianjin (sic) eller Jönköpings sida att avsluta avtalet. Det finns en del möjligheter till finansiering för projekt som till exempel ICLD:s kommunalt (sic) partnerskap eller inom skola med Atlas, men det har inte funnits synergier kring dessa ännu.",
      ),
    ],
    events: [
      established("1993", [
        text(
          SEC_GOLDEN,
          "Malmö och Tangshan etablerade i sin tur vänortsrelationer 1987, följt av Jönköping som inledde ett samarbete med Tianjin 1993.",
        ),
      ]),
      dormantUnknown(),
    ],
  },
  {
    key: "region-jonkopings-lan-tianjin-twin",
    swedish: region("06"),
    foreign: "cn-tianjin",
    kind: "twin_city",
    designation: "vänregion",
    established: "2009",
    events: [established("2009")],
  },
  {
    key: "kalix-lanzhou-partnership",
    swedish: kommun("2514"),
    foreign: "cn-lanzhou",
    kind: "partnership",
    established: "2008",
    funding: PARTNERSHIP_FUNDING,
    notes: [
      "Motsägelse i rapporten: avsnittet ”Den gyllene eran …” säger att Kalix partnerskap med Lanzhou startade 2009 (bland de första partnerskapen), medan appendix och avsnittet ”Bristande aktivitet i samarbetet” anger 2008. Appendixets år är seedat.",
      "Texten säger att Kalix ”år 2017” bedömde att partnerskapet hade stannat av, men den citerade utredningen (fotnot 45) är daterad 2018-01-25 (dnr 2017-00192 101).",
      "Beslutande organ: texten anger kommunfullmäktige (slutet av 2018), fotnot 46 hänvisar till kommunstyrelsens utvecklingsutskott § 42 (dnr 2018-00499 005); Fältet ”beslutat av” följer texten.",
      "Fotnot 46 kallar avtalet ”handelsavtal” och beskriver bristande aktivitet som ett skäl vid sidan av ”dessa två huvudsakliga skäl”.",
    ].join(" "),
    sources: [...PARTNERSHIP_SOURCES],
    events: [
      established("2008", [
        text(SEC_ACTIVITY, "År 2017 bedömde Kalix att det kommunala partnerskapet med Lanzhou, som inleddes 2008, …"),
        FIRST_PARTNERSHIPS_2009,
      ]),
      terminatedRecent(
        "2018",
        {
          decidedBy: "Kommunfullmäktige",
          reasons: ["lack_of_activity"],
          note:
            "Beslutat i slutet av 2018. Kommunfullmäktige enligt rapporttexten; fotnot 46 hänvisar till kommunstyrelsens utvecklingsutskott § 42 (dnr 2018-00499 005).",
        },
        [
          cite("fn45-kalix-utredning-2018-01-25", "stannat av under föregående mandatperiod"),
          cite("fn46-kalix-ksuu-42"),
          text(
            SEC_ACTIVITY,
            "Mot bakgrund av detta beslutade kommunfullmäktige i slutet av 2018 att avsluta avtalet.",
          ),
          PARTNERSHIPS_ENDED,
        ],
      ),
    ],
  },
  {
    key: "region-kalmar-lan-changxing-twin",
    swedish: region("08"),
    foreign: "cn-changxing",
    kind: "twin_city",
    designation: "samarbetsavtal, vänlän med Changxing",
    established: "2004",
    events: [established("2004"), dormantUnknown()],
  },
  {
    key: "region-kalmar-lan-huzhou-twin",
    swedish: region("08"),
    foreign: "cn-huzhou",
    kind: "twin_city",
    designation: "memorandum of understanding",
    established: "2010",
    events: [established("2010"), dormantUnknown()],
  },
  {
    key: "karlskrona-chuxiong-twin",
    swedish: kommun("1080"),
    foreign: "cn-chuxiong",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "2013",
    events: [established("2013")],
  },
  {
    key: "region-kronoberg-suzhou-twin",
    swedish: region("07"),
    foreign: "cn-suzhou",
    kind: "twin_city",
    established: "2010",
    notes:
      "Appendix anger svensk part som ”Region Kronoberg (Växjö)”. Avslutat 2019 av den kinesiska sidan – det enda av de 21 avslutade samarbetena 2017–2021 som inte avslutades på svenskt initiativ. Rapporttexten räknar ändå Kronoberg bland dem vars företrädare angett den politiska situationen i Kina som skäl för avslutet.",
    events: [
      established("2010"),
      {
        status: "terminated_by_counterpart",
        date: "2019",
        initiatedBy: "counterpart",
        reasons: ["human_rights"],
        note: "Avslutat (2019) av Kina enligt appendix. Skälet är det som Kronobergs företrädare angett enligt rapporttexten.",
        sources: [APPENDIX, SWEDISH_INITIATIVE, LIST_HUMAN_RIGHTS],
      },
    ],
  },
  {
    key: "lidkoping-chengdu-twin",
    swedish: kommun("1494"),
    foreign: "cn-chengdu",
    kind: "twin_city",
    established: "2011",
    notes:
      "Appendix: Avslutat (2020). Rapporttexten säger att Lidköping har kommit fram till att inte förlänga avtalet; slutet är därför seedat som expired (inte förlängt) snarare än terminated.",
    events: [
      established("2011"),
      {
        status: "expired",
        date: "2020",
        initiatedBy: "swedish_side",
        note: "Inte förlängt enligt rapporttexten; appendix anger Avslutat (2020).",
        sources: [
          APPENDIX,
          cite("fn48-lidkoping-email-2021-11-23"),
          text(SEC_FUTURE, "En del, såsom Lidköping och Region Dalarna, har kommit fram till att inte förlänga avtal."),
          SWEDISH_INITIATIVE,
        ],
      },
    ],
  },
  {
    key: "linkoping-guangzhou-twin",
    swedish: kommun("0580"),
    foreign: "cn-guangzhou",
    kind: "twin_city",
    designation: "friendly relationship",
    established: "1997",
    notes:
      "Rapporttexten nämner Linköping bland dem som angett både den politiska situationen i Kina och konflikten mellan Sverige och Kina som skäl, utan att säga vilket av kommunens två samarbeten som avses; skälen är knutna till pausen av samarbetet med Guangzhou, det enda av dem som pausats eller avslutats.",
    events: [
      established("1997"),
      {
        status: "paused",
        date: "2021",
        initiatedBy: "swedish_side",
        reasons: ["human_rights", "chinese_state_conduct"],
        sources: [APPENDIX, LIST_HUMAN_RIGHTS, LIST_STATE, PAUSES],
      },
    ],
  },
  {
    key: "linkoping-macau-twin",
    swedish: kommun("0580"),
    foreign: "cn-macau",
    kind: "twin_city",
    designation: "samarbetsort",
    established: "1997",
    events: [established("1997"), dormantUnknown()],
  },
  {
    key: "lulea-xian-partnership",
    swedish: kommun("2580"),
    foreign: "cn-xian",
    kind: "partnership",
    established: "2012",
    funding: PARTNERSHIP_FUNDING,
    sources: [...PARTNERSHIP_SOURCES],
    events: [established("2012"), terminatedRecent("2019", {}, [PARTNERSHIPS_ENDED])],
  },
  {
    key: "lund-hangzhou-twin",
    swedish: kommun("1281"),
    foreign: "cn-hangzhou",
    kind: "twin_city",
    designation: "tematiskt begränsat partnerskapsavtal/samarbetsavtal",
    established: "2008",
    events: [established("2008"), dormantUnknown()],
  },
  {
    key: "malmo-tangshan-twin",
    swedish: kommun("1280"),
    foreign: "cn-tangshan",
    kind: "twin_city",
    established: "1987",
    notes:
      "Motsägelse i rapporten: sammanfattningen och texten säger att fem samarbeten pausats sedan 2017 (”fyra kommuner och en länsstyrelse”), men appendix listar bara fyra pausade samarbeten (Bengtsfors, Linköping–Guangzhou, Malmö och Länsstyrelsen Uppsala), dvs. tre kommuner och en länsstyrelse. Kommunstyrelsens beslut 2020 gällde alla projekt och samarbeten med Fastlandskina, inte enbart Tangshan.",
    events: [
      established("1987", [
        text(SEC_GOLDEN, "Malmö och Tangshan etablerade i sin tur vänortsrelationer 1987"),
      ]),
      {
        status: "paused",
        date: "2020-08-19",
        initiatedBy: "swedish_side",
        decidedBy: "Kommunstyrelsen",
        reasons: ["human_rights"],
        note: "Kommunstyrelsen beslutade (§277, STK-2020-1024) att tills vidare inte aktivera några projekt eller samarbeten med Fastlandskina.",
        sources: [
          APPENDIX,
          cite(
            "fn52-malmo-ks-2020-08-19",
            "tills vidare inte aktivera några projekt eller samarbeten med Fastlandskina så länge man inte lever upp till grundläggande mänskliga fri- och rättigheter",
          ),
          text(
            SEC_FUTURE,
            "Fyra kommuner och en länsstyrelse har valt att pausa sina respektive samarbeten med liknande skäl som listas ovan.",
          ),
          LIST_HUMAN_RIGHTS,
        ],
      },
    ],
  },
  {
    key: "mora-changchun-twin",
    swedish: kommun("2062"),
    foreign: "cn-changchun",
    kind: "twin_city",
    established: "2004",
    notes:
      "Rapporttexten säger att kommunfullmäktige fattade beslutet; fotnoterna 31 och 47 hänvisar till ett sammanträdesprotokoll 2020-09-14 (§158) utan att ange organ, och diarienumret ”KS 2020/00265-2” tyder på kommunstyrelsens diarium. Fältet ”beslutat av” följer texten.",
    events: [
      established("2004", [text(SEC_HUMAN_RIGHTS, "I Mora fattade kommunfullmäktige 2020 beslut om att säga upp avtalet med Changchun, som hade inletts 2004")]),
      terminatedRecent(
        "2020-09-14",
        {
          decidedBy: "Kommunfullmäktige",
          reasons: ["human_rights", "lack_of_activity"],
          note: "Avtalet sades upp; inga utbyten hade skett under de senaste tio åren.",
        },
        [
          cite(
            "fn31-mora-2020-09-14",
            "En annan aspekt är den politiska utvecklingen i Kina där bristen på mänskliga rättigheter och demokrati i landet står alltför långt från Mora kommuns värdegrund. Visserligen är avtalet med en stad/region i Kina, men i praktiken blir samarbetspartnern företrädare för samhällssystemet i stort. Det kan anföras att ett samarbete skulle kunna påverka utvecklingen i Kina på ett positivt sätt, men erfarenheterna visar att det är svårt för enskilda organisationer och kommuner att påverka utvecklingen i Kina.",
            "§158",
          ),
          cite(
            "fn31-mora-2020-09-14",
            "Emellertid har samarbetet och utbytet de senaste åren varit obefintligt, varken skolan, kulturen eller någon annan sektor har haft något aktivt utbyte.",
            "§158",
          ),
          cite(
            "fn31-mora-2020-09-14",
            "[…] tveksamt vilka värden samarbetet har tillfört. Avtalet slöts 2004 och de första åren hade kommunen ett visst utbyte men under de senaste 10 åren har inga utbyten skett.",
            "§158",
          ),
          text(SEC_HUMAN_RIGHTS, "I Mora fattade kommunfullmäktige 2020 beslut om att säga upp avtalet med Changchun"),
          text(SEC_ACTIVITY, "I samband med att Mora sade upp sitt avtal med Changchun 2020 noterade kommunfullmäktige"),
        ],
      ),
    ],
  },
  {
    key: "pitea-dongying-twin",
    swedish: kommun("2581"),
    foreign: "cn-dongying",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "2013",
    events: [established("2013"), terminatedRecent("2017")],
  },
  {
    key: "skelleftea-tongling-twin",
    swedish: kommun("2482"),
    foreign: "cn-tongling",
    kind: "twin_city",
    established: "1998",
    notes:
      "Rapporten (och appendix) anger att samarbetet avbröts 2021, men i det citerade uttalandet säger Annamaria Hedlund att ”2019 bestämde vi att nu når vi inte längre med just Tongling”. Fotnot 35 anger Sveriges Radio som utgivare, men artikelns rubrik och adress är SVT Nyheters; källan är registrerad som SVT Nyheter.",
    events: [
      established("1998"),
      terminatedRecent(
        "2021",
        {
          reasons: ["chinese_state_conduct", "lack_of_activity"],
          note: "Annamaria Hedlund, ordförande i Socialdemokraterna i Skellefteå, förklarade beslutet.",
        },
        [
          cite(
            "fn35-svt-skelleftea-tongling-2021-02-03",
            "Det är bra att vi avslutar med rådande förutsättningar. Det är en bra grundtanke med samarbeten med andra människor där man utvecklas ihop, både vi och de vi träffar. Men 2019 bestämde vi att nu når vi inte längre med just Tongling. Det är bland annat Kinas uttalanden om Sverige som ligger bakom detta, men också andra faktorer.",
          ),
          text(SEC_STATE, "Ett annat exempel är Skellefteå som valde att avbryta sitt vänortssamarbete med Tongling 2021."),
          LIST_STATE,
          LIST_ACTIVITY,
        ],
      ),
    ],
  },
  {
    key: "region-skane-guangdong-twin",
    swedish: region("12"),
    foreign: "cn-guangdong",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "1995",
    events: [established("1995"), dormantUnknown()],
  },
  {
    key: "skovde-zhangjiakou-twin",
    swedish: kommun("1496"),
    foreign: "cn-zhangjiakou",
    kind: "twin_city",
    established: "2016",
    events: [
      established("2016"),
      {
        status: "dormant",
        date: "2019",
        initiatedBy: "unknown",
        note: "Avtalet gäller fortsatt, men inget aktivt arbete eller utbyte sedan 2019; kommunen har inte valt att gå ur avtalet.",
        sources: [
          APPENDIX,
          cite(
            "fn54-skovde-email-2022-01-17",
            "Samarbetsavtalet gäller fortsatt men det har inte varit något aktivt arbete eller utbyte sedan 2019. […] kommunen har inte valt (sic) gå ur avtalet men bedriver inget aktivt arbete eller utbyte",
          ),
        ],
      },
    ],
  },
  {
    key: "svenljunga-chizhou-twin",
    swedish: kommun("1465"),
    foreign: "cn-chizhou",
    kind: "twin_city",
    established: "2007",
    notes:
      "Rapporttexten säger att Svenljungas företrädare angett bristande aktivitet som skäl till att samarbetet avslutades, utan att ange vilket av kommunens två samarbeten; skälet är knutet till avslutet 2021 (samarbetet med Yichang avslutades redan 2001, före studiens fokusperiod).",
    events: [
      established("2007"),
      terminatedRecent("2021", { reasons: ["lack_of_activity"] }, [LIST_ACTIVITY]),
    ],
  },
  {
    key: "svenljunga-yichang-twin",
    swedish: kommun("1465"),
    foreign: "cn-yichang",
    kind: "twin_city",
    established: "1994",
    events: [established("1994"), terminatedEarly("2001")],
  },
  {
    key: "saffle-ningde-twin",
    swedish: kommun("1785"),
    foreign: "cn-ningde",
    kind: "twin_city",
    designation: "överenskommelse om samverkan",
    established: "2010",
    events: [established("2010"), terminatedEarly("2013")],
  },
  {
    key: "sodertalje-wuxi-twin",
    swedish: kommun("0181"),
    foreign: "cn-wuxi",
    kind: "twin_city",
    designation: "sister-city relationship",
    established: "2007",
    notes:
      "Oppositionen i Södertälje har angett den politiska situationen i Kina som skäl i sin kritik mot samarbetet; rapporten anger inget skäl för kommunens eget beslut.",
    sources: [OPPOSITION_HUMAN_RIGHTS],
    events: [established("2007"), terminatedRecent("2020")],
  },
  {
    key: "umea-qufu-twin",
    swedish: kommun("2480"),
    foreign: "cn-qufu",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "2008",
    events: [established("2008")],
  },
  {
    key: "umea-lanzhou-twin",
    swedish: kommun("2480"),
    foreign: "cn-lanzhou",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "2009",
    events: [established("2009")],
  },
  {
    key: "umea-xian-partnership",
    swedish: kommun("2480"),
    foreign: "cn-xian",
    kind: "partnership",
    established: "2007",
    funding: PARTNERSHIP_FUNDING,
    areas: ["hållbara klimatlösningar för inomhusklimat"],
    notes: [
      "Det enda kommunala partnerskapet med Kina som fortfarande pågår (2021).",
      "Motsägelser i rapporten: (1) texten säger att de första kommunala partnerskapen med Kina startade 2009, men appendix anger 2007 för detta partnerskap; appendixets år är seedat. (2) Texten säger att Umeås vänortssamarbete med Xi’an upprättades efter partnerskapet, men appendix listar inget vänortssamarbete mellan Umeå och Xi’an (bara med Qufu och Lanzhou); inget sådant avtal är seedat.",
    ].join(" "),
    sources: [
      cite(
        "fn55-umea-email-2022-01-17",
        "Svenska regeringen är tydlig med att det ”mellanfolkliga samarbetet” på lokal nivå kan fortsätta mellan kommunerna i Sverige och Kina och att Sverige ska fortsätta jobba med Agenda 2030, dvs med de gemensamma klimatutmaningarna. Vårt projekt med Xian handlar om hållbara klimatlösningar [för] inomhusklimat. Våra politiker tror på att vi (sic) måste alla hjälpas åt med att styra om världens användning av resurser så att vi når de uppsatta klimatmålen. Den svenska regeringen tar ansvar för Sveriges utrikespolitik. Det är inget som den lokala nivån jobbar med.",
      ),
      text(
        SEC_GOLDEN,
        "I Umeå och Åmål var ordningen omvänd. De svenska städernas vänortssamarbeten med Xi’an respektive Dunhuang upprättades efter att kommunala partnerskap redan hade etablerats.",
      ),
      ...PARTNERSHIP_SOURCES,
    ],
    events: [established("2007", [FIRST_PARTNERSHIPS_2009])],
  },
  {
    key: "lansstyrelsen-uppsala-zhejiang-twin",
    swedish: lansstyrelse("03"),
    foreign: "cn-zhejiang",
    kind: "twin_city",
    designation: "friendship-province",
    established: "1998",
    notes:
      "Rapporttexten kallar samarbetet ett vänlänssamarbete. Motsägelse i rapporten: fem pausade samarbeten enligt texten (”fyra kommuner och en länsstyrelse”), fyra enligt appendix.",
    events: [
      established("1998"),
      {
        status: "paused",
        date: "2018",
        initiatedBy: "swedish_side",
        reasons: ["other"],
        reasonOther: "I avvaktan på hur relationerna mellan Sverige och Kina utvecklas",
        sources: [
          APPENDIX,
          cite("fn53-uppsala-lst-email-2021-11-25", "i avvaktan på hur relationerna mellan Sverige och Kina utvecklas"),
          text(SEC_FUTURE, "Uppsala länsstyrelse pausade sitt vänlänssamarbete med Zhejiangprovinsen 2018"),
        ],
      },
    ],
  },
  {
    key: "vara-huangshan-partnership",
    swedish: kommun("1470"),
    foreign: "cn-huangshan",
    kind: "partnership",
    established: "2006",
    funding: PARTNERSHIP_FUNDING,
    notes:
      "Motsägelse i rapporten: texten säger att Vara inledde sitt partnerskap med Huangshan 2009 (bland de första partnerskapen), medan appendix anger 2006. Appendixets år är seedat.",
    sources: [...PARTNERSHIP_SOURCES],
    events: [
      established("2006", [FIRST_PARTNERSHIPS_2009]),
      terminatedRecent("2020", { reasons: ["human_rights"] }, [PARTNERSHIPS_ENDED, LIST_HUMAN_RIGHTS]),
    ],
  },
  {
    key: "vara-huangshan-twin",
    swedish: kommun("1470"),
    foreign: "cn-huangshan",
    kind: "twin_city",
    designation: "friendship city relationship",
    established: "2012",
    notes: "Rapporttexten nämner Vara bland dem som angett den politiska situationen i Kina som skäl, utan att skilja mellan kommunens två avtal; skälet är knutet till båda.",
    events: [
      established("2012"),
      terminatedRecent("2020", { reasons: ["human_rights"] }, [LIST_HUMAN_RIGHTS]),
    ],
  },
  {
    key: "lansstyrelsen-varmland-fujian-twin",
    swedish: lansstyrelse("17"),
    foreign: "cn-fujian",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "2008",
    events: [established("2008"), dormantUnknown()],
  },
  {
    key: "lansstyrelsen-vasterbotten-heilongjiang-twin",
    swedish: lansstyrelse("24"),
    foreign: "cn-heilongjiang",
    kind: "twin_city",
    designation: "samarbetsavtal",
    established: "1997",
    events: [established("1997"), dormantUnknown()],
  },
  {
    key: "vasteras-jinan-partnership",
    swedish: kommun("1980"),
    foreign: "cn-jinan",
    kind: "partnership",
    designation: "invånardialog",
    established: "2014",
    funding: PARTNERSHIP_FUNDING,
    areas: ["medborgardialog", "parkutveckling"],
    sources: [
      cite("fn14-interview-3"),
      text(
        SEC_GOLDEN,
        "Partnerskapsavtalet mellan Västerås och Jinan kretsade exempelvis kring ett demokratiprojekt som handlade om att bedriva medborgardialog i samband med utvecklingen av parker.",
      ),
      ...PARTNERSHIP_SOURCES,
    ],
    events: [
      established("2014"),
      terminatedRecent("2020", { reasons: ["human_rights"] }, [PARTNERSHIPS_ENDED, LIST_HUMAN_RIGHTS]),
    ],
  },
  {
    key: "lansstyrelsen-vastmanland-shandong-twin",
    swedish: lansstyrelse("19"),
    foreign: "cn-shandong",
    kind: "twin_city",
    designation: "samarbetsprojekt",
    established: "1994",
    events: [established("1994")],
  },
  {
    key: "lansstyrelsen-vastra-gotaland-anhui-twin",
    swedish: lansstyrelse("14"),
    foreign: "cn-anhui",
    kind: "twin_city",
    designation: "friendly relations",
    established: "2005",
    events: [established("2005"), dormantUnknown()],
  },
  {
    key: "amal-dunhuang-twin",
    swedish: kommun("1492"),
    foreign: "cn-dunhuang",
    kind: "twin_city",
    designation: "friendship city relationship",
    established: "2015",
    notes:
      "Upprättat efter det kommunala partnerskapet (2014), som texten säger. Oppositionen i Åmål har angett både den politiska situationen i Kina och den kinesiska statens agerande mot Sverige som skäl i sin kritik mot stadens samarbeten med Kina.",
    sources: [OPPOSITION_HUMAN_RIGHTS, OPPOSITION_STATE],
    events: [established("2015"), dormantUnknown()],
  },
  {
    key: "amal-dunhuang-partnership",
    swedish: kommun("1492"),
    foreign: "cn-dunhuang",
    kind: "partnership",
    designation: "municipal partnership",
    established: "2014",
    funding: PARTNERSHIP_FUNDING,
    notes:
      "Oppositionen i Åmål har kritiserat stadens Kinasamarbeten med hänvisning till mänskliga rättigheter och den kinesiska statens agerande; rapporten anger inget skäl för kommunens eget beslut.",
    sources: [...PARTNERSHIP_SOURCES, OPPOSITION_HUMAN_RIGHTS, OPPOSITION_STATE],
    events: [established("2014"), terminatedRecent("2020", {}, [PARTNERSHIPS_ENDED])],
  },
  {
    key: "orebro-yantai-twin",
    swedish: kommun("1880"),
    foreign: "cn-yantai",
    kind: "twin_city",
    designation: "sister-city relationship",
    established: "2002",
    events: [established("2002"), terminatedRecent("2020")],
  },
  {
    key: "region-ostergotland-jiangsu-twin",
    swedish: region("05"),
    foreign: "cn-jiangsu",
    kind: "twin_city",
    designation: "friendly relations",
    established: "1999",
    events: [established("1999"), dormantUnknown()],
  },
  {
    key: "ostersund-jilin-twin",
    swedish: kommun("2380"),
    foreign: "cn-jilin",
    kind: "twin_city",
    designation: "cooperative economic and trade relationship",
    established: "2005",
    events: [established("2005"), dormantUnknown()],
  },
  {
    key: "overkalix-zhuji-twin",
    swedish: kommun("2513"),
    foreign: "cn-zhuji",
    kind: "twin_city",
    designation: "exchange and cooperation relationship",
    established: "2002",
    events: [established("2002"), terminatedEarly(null)],
  },
];
