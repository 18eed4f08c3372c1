import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The foundation's writes: the functions that store what the invariants are about. An entry
 * point is an exported `{ ctx, input }` function of lib/ that reaches one of them, directly or
 * through other functions; every entry point must be driven by the invariant matrix
 * (lib/invariants/invariant-matrix.test.ts), which finds them with `findEntryPoints`.
 */
export const FOUNDATION_WRITES = [
  // lib/agreements/write.ts: the one agreement write.
  "createAgreements",
  "updateAgreementValues",
  // lib/events/record.ts and lib/review/apply.ts: status events and their evidence
  // (writeStatusEvent is the write inside a caller's transaction, e.g. a new agreement's first status).
  "recordStatusEvent",
  "writeStatusEvent",
  "applyProposedEvent",
  // lib/review: a proposal's check before it is stored, and the check that it is still open
  // (every decision, revision, rebase and withdrawal goes through it).
  "validateProposal",
  "requireOpen",
] as const;

interface FunctionInfo {
  name: string;
  file: string;
  exported: boolean;
  /** Takes `{ ctx, ... }` as its first parameter: a domain entry point's shape. */
  takesCtx: boolean;
  calls: Set<string>;
}

function libFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return libFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function functionsOf(file: string): FunctionInfo[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: FunctionInfo[] = [];
  const isExported = (n: ts.Node) => ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const callsIn = (node: ts.Node) => {
    const calls = new Set<string>();
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) calls.add(n.expression.text);
      ts.forEachChild(n, visit);
    };
    visit(node);
    return calls;
  };
  const takesCtx = (params: ts.NodeArray<ts.ParameterDeclaration>) => {
    const first = params[0];
    return !!first && ts.isObjectBindingPattern(first.name) && first.name.elements.some((e) => e.name.getText(source) === "ctx");
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      out.push({ name: statement.name.text, file, exported: isExported(statement), takesCtx: takesCtx(statement.parameters), calls: callsIn(statement.body) });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        const fn = ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer) ? d.initializer : null;
        out.push({ name: d.name.text, file, exported: isExported(statement), takesCtx: !!fn && takesCtx(fn.parameters), calls: callsIn(d.initializer) });
      }
    }
  }
  return out;
}

/**
 * Every exported `{ ctx, input }` function in lib/ that reaches a foundation write, by name
 * (each with the file it is in). Names in lib are unique enough for this to be exact; a clash
 * only makes the set larger, never smaller.
 */
export function findEntryPoints(root = path.join(process.cwd(), "lib")): Map<string, string> {
  const functions = libFiles(root).flatMap(functionsOf);
  const reaching = new Set<string>(FOUNDATION_WRITES);
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of functions) {
      if (!reaching.has(f.name) && [...f.calls].some((c) => reaching.has(c))) {
        reaching.add(f.name);
        changed = true;
      }
    }
  }
  return new Map(
    functions.filter((f) => f.exported && f.takesCtx && reaching.has(f.name)).map((f) => [f.name, path.relative(process.cwd(), f.file)]),
  );
}
