import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every server action goes through the permission check: it is declared with guardedAction()
// (lib/auth/action.ts) or its body calls requirePermission()/requireUser() itself. The few
// actions that a stranger must be able to call are listed here, with the reason.
const PUBLIC_ACTIONS: Record<string, string> = {
  signInAction: "signing in is what a stranger does; throttled and audited in lib/auth/sign-in.ts",
  signOutAction: "ends the caller's own session only",
  setLocaleAction: "sets the caller's own language cookie only",
  setPasswordAction: "the single-use link is the permission; lib/accounts/set-password.ts checks its token (hash, purpose, expiry, use, an active user)",
  forgotPasswordAction: "a stranger asks for a link; the same answer for every address, throttled (lib/accounts/request-reset.ts)",
  confirmEmailAction: "the link sent to the new address is the permission (lib/accounts/confirm-email-change.ts checks the token)",
};
const GUARDS = ["guardedAction", "requirePermission", "requireUser", "requirePagePermission"];

function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    if (!/\.(ts|tsx)$/.test(entry.name)) return [];
    const source = ts.createSourceFile(full, fs.readFileSync(full, "utf8"), ts.ScriptTarget.Latest, true);
    const first = source.statements[0];
    const isServerFile =
      first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
    return isServerFile ? [full] : [];
  });
}

function callsGuard(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && GUARDS.includes(n.expression.text)) found = true;
    if (!found) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The exported actions of a "use server" file, each with whether it is guarded. */
function exportedActions(file: string): { name: string; guarded: boolean }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const isExported = (n: ts.Node) => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const out: { name: string; guarded: boolean }[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
      out.push({ name: statement.name.text, guarded: !!statement.body && callsGuard(statement.body) });
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) out.push({ name: d.name.text, guarded: !!d.initializer && callsGuard(d.initializer) });
      }
    } else if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      out.push({ name: statement.getText(source), guarded: false });
    }
  }
  return out;
}

describe("server actions", () => {
  const files = serverActionFiles(path.join(process.cwd(), "app"));

  it("finds the app's server action files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("each goes through the permission check, or is one of the few public ones", () => {
    const unguarded = files.flatMap((file) =>
      exportedActions(file)
        .filter((a) => !a.guarded && !(a.name in PUBLIC_ACTIONS))
        .map((a) => `${path.relative(process.cwd(), file)}: ${a.name}`),
    );
    expect(unguarded).toEqual([]);
  });
});
