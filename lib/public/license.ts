export const LICENSE_IDS = ["CC-BY-4.0", "CC0-1.0", "CC-BY-SA-4.0", "ODbL-1.0"] as const;
export type LicenseId = (typeof LICENSE_IDS)[number];

export const LICENSES: Record<LicenseId, { id: LicenseId; title: string; url: string }> = {
  "CC-BY-4.0": { id: "CC-BY-4.0", title: "Creative Commons Erkännande 4.0 (CC BY 4.0)", url: "https://creativecommons.org/licenses/by/4.0/" },
  "CC0-1.0": { id: "CC0-1.0", title: "CC0 1.0 Universal (public domain)", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
  "CC-BY-SA-4.0": { id: "CC-BY-SA-4.0", title: "Creative Commons Erkännande-DelaLika 4.0 (CC BY-SA 4.0)", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
  "ODbL-1.0": { id: "ODbL-1.0", title: "Open Data Commons Open Database License 1.0", url: "https://opendatacommons.org/licenses/odbl/1-0/" },
};
