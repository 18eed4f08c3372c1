import { describe, expect, it } from "vitest";
import { formatPartialDate, parsePartialDate, partialDateToString, partialDateYear } from "./partial-date";

describe("partial dates", () => {
  it("keeps the precision the source gives", () => {
    expect(parsePartialDate("2019")).toEqual({ on: "2019-01-01", precision: "year" });
    expect(parsePartialDate("1986-05")).toEqual({ on: "1986-05-01", precision: "month" });
    expect(parsePartialDate("2019-12-10")).toEqual({ on: "2019-12-10", precision: "day" });
    expect(parsePartialDate(null)).toEqual({ on: null, precision: "unknown" });
  });

  it("refuses what is not a date", () => {
    expect(() => parsePartialDate("2019-13")).toThrow(/No such date/);
    expect(() => parsePartialDate("2019-02-30")).toThrow(/No such date/);
    expect(() => parsePartialDate("i slutet av 2018")).toThrow(/Not a date/);
  });

  it("round-trips and gives the year", () => {
    for (const s of ["2019", "1986-05", "2020-09-14"]) expect(partialDateToString(parsePartialDate(s))).toBe(s);
    expect(partialDateYear(parsePartialDate("2020-09-14"))).toBe(2020);
    expect(partialDateYear(parsePartialDate(null))).toBeNull();
  });

  it("shows a year as a year, never an invented day", () => {
    expect(formatPartialDate(parsePartialDate("2019"), "sv", "okänt")).toBe("2019");
    expect(formatPartialDate(parsePartialDate("1986-05"), "sv", "okänt")).toBe("maj 1986");
    expect(formatPartialDate(parsePartialDate("2019-12-10"), "sv", "okänt")).toBe("10 december 2019");
    expect(formatPartialDate(parsePartialDate("2019-12-10"), "en", "unknown")).toBe("10 December 2019"); // British order, as every English date (lib/i18n/date-format.ts)
    expect(formatPartialDate(parsePartialDate(null), "sv", "okänt datum")).toBe("okänt datum");
  });
});
