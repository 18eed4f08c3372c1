// Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
// formula. Excel splits a CSV on the list separator of the machine's locale (";" in Sweden),
// not necessarily on the delimiter the file was written with, and a cell's text may itself
// hold a delimiter or a line break: "a;=cmd|' /C calc'!A0" is one harmless cell when split on
// commas and a formula when split on semicolons. So a formula character is neutralised wherever
// some reading could start a cell with it: at the start of the text and after every delimiter
// (, ; tab |) or line break inside it, past any quotes a reader might take as a cell's opening.
//
// Neutralising puts one apostrophe before the formula character (after any apostrophes already
// there, so that it can be undone exactly): "=x" → "'=x", "a;=x" → "a;'=x", "'=x" → "''=x".
// `restoreCell` undoes it; the import does that with every cell it reads.

const BOUNDARY = new Set([",", ";", "\t", "|", "\r", "\n"]);
const FORMULA = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Walks the text and, at each place a cell could start, lets `atStart` rewrite its apostrophes. */
function rewrite(text: string, atStart: (apostrophes: number, beforeFormula: boolean) => number): string {
  let out = "";
  let i = 0;
  let cellStart = true;
  while (i < text.length) {
    if (cellStart) {
      cellStart = false;
      while (text[i] === '"') out += text[i++];
      const from = i;
      while (text[i] === "'") i++;
      const apostrophes = i - from;
      out += "'".repeat(atStart(apostrophes, i < text.length && FORMULA.has(text[i]!)));
      if (i >= text.length) break;
    }
    const ch = text[i++]!;
    out += ch;
    if (BOUNDARY.has(ch)) cellStart = true;
  }
  return out;
}

/** The cell's text with every place a spreadsheet could read as the start of a formula neutralised. */
export function neutraliseCell(text: string): string {
  return rewrite(text, (n, formula) => (formula ? n + 1 : n));
}

/** Undoes `neutraliseCell` (reading an exported file back). */
export function restoreCell(text: string): string {
  return rewrite(text, (n, formula) => (formula && n > 0 ? n - 1 : n));
}
