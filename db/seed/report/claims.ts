/**
 * Where the report contradicts itself about a field of an agreement, each side as a claim with
 * its source, quote and page. The appendix's value is the one seeded in the agreement (see the
 * agreements' notes), and it is marked preferred with that reason; an analyst may choose again.
 */

export interface SeedClaim {
  /** Stable key; the row id is derived from it. */
  key: string;
  agreement: string; // SeedAgreement.key
  field: "established";
  value: string;
  source: string; // SeedSource.key
  quote?: string;
  page?: string;
}

export interface SeedPreference {
  claim: string; // SeedClaim.key
  reason: string;
}

const SEC_GOLDEN = "Den gyllene eran för subnationellt samarbete mellan Sverige och Kina";
const SEC_ACTIVITY = "Bristande aktivitet i samarbetet";
const FIRST_PARTNERSHIPS_2009 =
  "De första kommunala partnerskapen med Kina startade 2009 då Borlänge, Kalix och Vara inledde projekt med Wuhan, Lanzhou respektive Huangshan.";

const appendix = (agreement: string, value: string): SeedClaim => ({
  key: `${agreement}/established/appendix`,
  agreement,
  field: "established",
  value,
  source: "report",
  page: "Appendix",
});
const text2009 = (agreement: string): SeedClaim => ({
  key: `${agreement}/established/text-2009`,
  agreement,
  field: "established",
  value: "2009",
  source: "report",
  page: SEC_GOLDEN,
  quote: FIRST_PARTNERSHIPS_2009,
});

export const claims: SeedClaim[] = [
  appendix("borlange-wuhan-partnership", "2007"),
  text2009("borlange-wuhan-partnership"),
  appendix("kalix-lanzhou-partnership", "2008"),
  {
    key: "kalix-lanzhou-partnership/established/text-2008",
    agreement: "kalix-lanzhou-partnership",
    field: "established",
    value: "2008",
    source: "report",
    page: SEC_ACTIVITY,
    quote: "År 2017 bedömde Kalix att det kommunala partnerskapet med Lanzhou, som inleddes 2008, …",
  },
  text2009("kalix-lanzhou-partnership"),
  appendix("vara-huangshan-partnership", "2006"),
  text2009("vara-huangshan-partnership"),
  // Umeå–Xi'an (appendix 2007) contradicts the same sentence only by implication (it is not among
  // the "first" of 2009); the text gives it no year, so no claim is seeded for it.
];

const REASON =
  "Appendixets år är det som registret har (rapportens dataset); rapporttexten säger att de första kommunala partnerskapen startade 2009. Motsägelsen står i avtalets anteckningar.";

export const preferences: SeedPreference[] = [
  { claim: "borlange-wuhan-partnership/established/appendix", reason: REASON },
  { claim: "kalix-lanzhou-partnership/established/appendix", reason: REASON },
  { claim: "vara-huangshan-partnership/established/appendix", reason: REASON },
];
