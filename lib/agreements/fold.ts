import { sql, type SQL } from "drizzle-orm";

// Search folds letters to their base form on both sides, so that "Goteborg" finds "Göteborg"
// and "xian" finds "Xi'an". One table of characters drives both the SQL (translate(), which
// works the same on PGlite and PostgreSQL whatever the collation) and the browser's pickers.
// Only ASCII is lower-cased by lower() under the C locale, so capitals are folded too.

const ACCENTED =
  "ÀÁÂÃÄÅàáâãäåĀāǍǎÈÉÊËèéêëĒēĚěÌÍÎÏìíîïĪīǏǐÒÓÔÕÖòóôõöŌōǑǒÙÚÛÜùúûüŪūǓǔǕǖǗǘǙǚǛǜÝýÿÇçÑñ";
const SPECIAL: Record<string, string> = { Ø: "O", ø: "o", Æ: "A", æ: "a", Œ: "O", œ: "o", ß: "s", Ł: "L", ł: "l" };
/** Characters dropped from both sides: apostrophes and hyphens ("Xi'an" = "Xian"). */
const DROPPED = "'’`-‐";
const DROPPED_ASCII = [...DROPPED].filter((c) => c.charCodeAt(0) < 128).join("");

function base(ch: string): string {
  return SPECIAL[ch] ?? ch.normalize("NFD").replace(/\p{M}/gu, "");
}

const FROM = [...ACCENTED, ...Object.keys(SPECIAL)].join("");
const TO = [...ACCENTED].map(base).join("") + Object.values(SPECIAL).join("");
const TRANSLATE_FROM = FROM + DROPPED;

if ([...TO].length !== [...FROM].length) throw new Error("fold: every accented letter needs exactly one base letter");

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * SQL: the folded form of a text expression (NULL stays NULL). translate() with a long list is
 * slow on long texts, so plain-ASCII texts (most designations) take a shortcut that gives the
 * same result. Give it a column or a parameter: the expression is evaluated more than once.
 */
export function foldSql(expression: SQL): SQL {
  return sql`(CASE WHEN ${expression} ~ '^[ -~]*$'
    THEN lower(translate(${expression}, ${sql.raw(literal(DROPPED_ASCII))}, ''))
    ELSE lower(translate(${expression}, ${sql.raw(literal(TRANSLATE_FROM))}, ${sql.raw(literal(TO))})) END)`;
}

const FOLD_MAP = new Map<string, string>([...FROM].map((ch, i) => [ch, [...TO][i]!]));
const DROP = new Set([...DROPPED]);

/** The same folding in JavaScript, for filtering lists in the browser. */
export function fold(text: string): string {
  let out = "";
  for (const ch of text) {
    if (DROP.has(ch)) continue;
    out += FOLD_MAP.get(ch) ?? ch;
  }
  return out.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Splits a search into its words, folded; every word must match. */
export function searchTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, 8);
}
