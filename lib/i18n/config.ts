export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sv";
export const LOCALE_COOKIE = "locale";

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

/** The Intl locale of an interface language: Swedish as in Sweden, English as in Britain (day before month, 24-hour clock). */
export function intlLocale(locale: string): string {
  return locale === "sv" ? "sv-SE" : locale === "en" ? "en-GB" : locale;
}
