import type { Table } from "./dataset";
import { sha256, tableCsv, tablesJson, tablesXlsx, type DataFile } from "./files";
import { LICENSES, type LicenseId } from "./license";

// A complete open-data bundle: the tables' files plus what describes them (a Frictionless Data
// Package, DCAT-AP-SE metadata, a suggested citation in three forms). A release stores exactly
// these bytes; the current data is made the same way on demand.

export interface BundleMeta {
  /** "2026.1", or "current" for the live data between releases. */
  version: string;
  /** When the data was taken (a release's publication time). */
  asOf: Date;
  origin: string;
  license: LicenseId;
  note?: string;
}

export const PUBLISHER = "Nationellt kunskapscentrum om Kina (NKK)";
export const DATASET_NAME = "avtalsregistret";
export const DATASET_TITLE = "Avtalsregistret: svenska kommuners, regioners och länsstyrelsers avtal med kinesiska motparter";
export const DATASET_TITLE_EN = "Avtalsregistret: Swedish municipalities', regions' and county boards' agreements with Chinese counterparts";
const DESCRIPTION =
  "Vänortssamarbeten och kommunala partnerskap mellan svenska och kinesiska parter, med varje statusförändring som en daterad, källbelagd händelse. Utgår från NKK-rapporten Lokal frost i relationerna (2022).";
const DESCRIPTION_EN =
  "Twin-city agreements and municipal partnerships between Swedish and Chinese parties, each status change a dated, sourced event. Starts from the NKK report Lokal frost i relationerna (2022).";
export const REPORT_SOURCE = { title: "Lokal frost i relationerna: svenska kommuners, regioners och länsstyrelsers samarbeten med Kina (NKK, 2022)", path: "https://kinacentrum.se/" };

export const XLSX_NAME = "avtalsregistret.xlsx";
export const JSON_NAME = "avtalsregistret.json";
export const FILE_MEDIA_TYPES: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  jsonld: "application/ld+json; charset=utf-8",
  bib: "application/x-bibtex; charset=utf-8",
  cff: "text/plain; charset=utf-8",
};
export const mediaTypeOf = (name: string) => FILE_MEDIA_TYPES[name.split(".").pop()!] ?? "application/octet-stream";

export function dataBase(meta: Pick<BundleMeta, "origin" | "version">): string {
  return `${meta.origin}/data/${meta.version === "current" ? "current" : `releases/${meta.version}`}`;
}

export function citationText(meta: BundleMeta): string {
  const year = meta.asOf.getUTCFullYear();
  const release = meta.version === "current" ? `data per ${meta.asOf.toISOString().slice(0, 10)}` : `release ${meta.version}`;
  return `${PUBLISHER} (${year}). ${DATASET_TITLE} [dataset], ${release}. ${dataBase(meta)}/. ${LICENSES[meta.license].title}.`;
}

export function citationBibtex(meta: BundleMeta): string {
  const key = `avtalsregistret_${meta.version.replace(/\W/g, "_")}`;
  return `@dataset{${key},
  author    = {{${PUBLISHER}}},
  title     = {{${DATASET_TITLE}}},
  year      = {${meta.asOf.getUTCFullYear()}},
  version   = {${meta.version}},
  publisher = {{${PUBLISHER}}},
  url       = {${dataBase(meta)}/},
  urldate   = {${meta.asOf.toISOString().slice(0, 10)}},
  note      = {${LICENSES[meta.license].title}}
}
`;
}

const yamlString = (s: string) => JSON.stringify(s);

export function citationCff(meta: BundleMeta): string {
  return `cff-version: 1.2.0
message: "Om du använder dessa data, citera dem så här. / If you use this data, please cite it as below."
type: dataset
title: ${yamlString(DATASET_TITLE)}
version: ${yamlString(meta.version)}
date-released: ${meta.asOf.toISOString().slice(0, 10)}
url: ${yamlString(`${dataBase(meta)}/`)}
license: ${meta.license}
authors:
  - name: ${yamlString(PUBLISHER)}
references:
  - type: report
    title: ${yamlString(REPORT_SOURCE.title)}
    authors:
      - name: ${yamlString(PUBLISHER)}
    year: 2022
`;
}

export function dataPackage(meta: BundleMeta, tables: Table[], files: Map<string, Buffer>) {
  const license = LICENSES[meta.license];
  return {
    profile: "tabular-data-package",
    name: DATASET_NAME,
    id: `${dataBase(meta)}/datapackage.json`,
    title: DATASET_TITLE,
    description: `${DESCRIPTION}\n\n${DESCRIPTION_EN}`,
    version: meta.version,
    created: meta.asOf.toISOString(),
    homepage: `${meta.origin}/data`,
    keywords: ["vänort", "twin city", "kommunalt partnerskap", "Kina", "China", "Sverige", "Sweden"],
    licenses: [{ name: license.id, path: license.url, title: license.title }],
    sources: [REPORT_SOURCE, { title: "Avtalsregistret", path: meta.origin }],
    contributors: [{ title: PUBLISHER, role: "publisher" }],
    citation: citationText(meta),
    resources: tables.map((t) => {
      const bytes = files.get(`${t.name}.csv`)!;
      return {
        profile: "tabular-data-resource",
        name: t.name,
        path: `${t.name}.csv`,
        title: t.title,
        description: t.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        bytes: bytes.length,
        hash: `sha256:${sha256(bytes)}`,
        dialect: { delimiter: ",", lineTerminator: "\r\n", header: true },
        schema: {
          fields: t.fields.map((f) => ({
            name: f.name,
            type: f.type,
            ...(f.format ? { format: f.format === "uri" ? "uri" : "uuid" } : {}),
            description: f.description,
            ...(f.required || f.enum ? { constraints: { ...(f.required ? { required: true } : {}), ...(f.enum ? { enum: [...f.enum] } : {}) } } : {}),
          })),
          missingValues: [""],
          ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
          ...(t.foreignKeys ? { foreignKeys: t.foreignKeys } : {}),
        },
      };
    }),
  };
}

const IANA = (type: string) => `http://www.iana.org/assignments/media-types/${type}`;

/** DCAT-AP-SE (DCAT-AP 2 with the Swedish profile's requirements) as JSON-LD, for dataportal.se. */
export function dcat(meta: BundleMeta, files: DataFile[]) {
  const base = dataBase(meta);
  const license = LICENSES[meta.license];
  const distributions = files
    .filter((f) => !f.name.endsWith(".jsonld") && !f.name.endsWith(".bib") && !f.name.endsWith(".cff"))
    .map((f) => ({
      "@id": `${base}/${f.name}#distribution`,
      "@type": "dcat:Distribution",
      "dct:title": [{ "@value": f.name, "@language": "sv" }],
      "dcat:accessURL": { "@id": `${meta.origin}/data` },
      "dcat:downloadURL": { "@id": `${base}/${f.name}` },
      "dcat:mediaType": { "@id": IANA(f.mediaType.split(";")[0]!) },
      "dcat:byteSize": { "@value": String(f.bytes.length), "@type": "xsd:decimal" },
      "spdx:checksum": { "@type": "spdx:Checksum", "spdx:algorithm": { "@id": "spdx:checksumAlgorithm_sha256" }, "spdx:checksumValue": sha256(f.bytes) },
      "dct:license": { "@id": license.url },
    }));
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      vcard: "http://www.w3.org/2006/vcard/ns#",
      xsd: "http://www.w3.org/2001/XMLSchema#",
      spdx: "http://spdx.org/rdf/terms#",
      adms: "http://www.w3.org/ns/adms#",
    },
    "@id": `${meta.origin}/data#dataset`,
    "@type": "dcat:Dataset",
    "dct:identifier": `${meta.origin}/data`,
    "dct:title": [
      { "@value": DATASET_TITLE, "@language": "sv" },
      { "@value": DATASET_TITLE_EN, "@language": "en" },
    ],
    "dct:description": [
      { "@value": DESCRIPTION, "@language": "sv" },
      { "@value": DESCRIPTION_EN, "@language": "en" },
    ],
    "dct:publisher": { "@type": "foaf:Agent", "foaf:name": PUBLISHER },
    "dcat:contactPoint": { "@type": "vcard:Organization", "vcard:fn": PUBLISHER, "vcard:hasURL": { "@id": `${meta.origin}/data` } },
    "dcat:theme": [{ "@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE" }, { "@id": "http://publications.europa.eu/resource/authority/data-theme/INTR" }],
    "dct:language": [{ "@id": "http://publications.europa.eu/resource/authority/language/SWE" }, { "@id": "http://publications.europa.eu/resource/authority/language/ENG" }],
    "dct:spatial": { "@id": "http://publications.europa.eu/resource/authority/country/SWE" },
    "dct:accessRights": { "@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC" },
    "dcat:keyword": [
      { "@value": "vänort", "@language": "sv" },
      { "@value": "kommunalt partnerskap", "@language": "sv" },
      { "@value": "Kina", "@language": "sv" },
      { "@value": "twin city", "@language": "en" },
    ],
    "dcat:landingPage": { "@id": `${meta.origin}/data` },
    "dct:issued": { "@value": meta.asOf.toISOString(), "@type": "xsd:dateTime" },
    "dct:modified": { "@value": meta.asOf.toISOString(), "@type": "xsd:dateTime" },
    "adms:version": meta.version,
    "dct:license": { "@id": license.url },
    "dcat:distribution": distributions,
  };
}

/** Every file of a bundle, in a fixed order. */
export async function buildBundle(tables: Table[], meta: BundleMeta): Promise<DataFile[]> {
  const files = new Map<string, Buffer>();
  for (const t of tables) files.set(`${t.name}.csv`, tableCsv(t));
  const about: [string, string][] = [
    ["Titel", DATASET_TITLE],
    ["Version", meta.version],
    ["Data per", meta.asOf.toISOString()],
    ["Licens", `${LICENSES[meta.license].title} (${LICENSES[meta.license].url})`],
    ["Citera som", citationText(meta)],
    ["Källa", REPORT_SOURCE.title],
    ...tables.map((t): [string, string] => [t.name, t.description]),
  ];
  files.set(XLSX_NAME, await tablesXlsx(tables, about, meta.asOf));
  files.set(JSON_NAME, tablesJson(tables, { name: DATASET_NAME, title: DATASET_TITLE, version: meta.version, asOf: meta.asOf.toISOString(), license: meta.license, citation: citationText(meta) }));
  const dataFiles = [...files.entries()].map(([name, bytes]) => ({ name, mediaType: mediaTypeOf(name), bytes }));
  const pkg = dataPackage(meta, tables, files);
  const extra: DataFile[] = [
    { name: "datapackage.json", mediaType: FILE_MEDIA_TYPES.json!, bytes: Buffer.from(`${JSON.stringify(pkg, null, 2)}\n`) },
    { name: "dcat.jsonld", mediaType: FILE_MEDIA_TYPES.jsonld!, bytes: Buffer.from(`${JSON.stringify(dcat(meta, dataFiles), null, 2)}\n`) },
    { name: "CITATION.cff", mediaType: FILE_MEDIA_TYPES.cff!, bytes: Buffer.from(citationCff(meta)) },
    { name: "citation.bib", mediaType: FILE_MEDIA_TYPES.bib!, bytes: Buffer.from(citationBibtex(meta)) },
  ];
  return [...dataFiles, ...extra];
}
