// npm run create-admin -- --email you@example.se --name "Your Name"
//
// Creates an administrator in the app's database (DATABASE_URL, or the embedded PGlite folder
// while the app is stopped: a folder held by a running app is refused, see db/folder-lock.ts). The password
// comes from ADMIN_PASSWORD or, when that is unset, is asked for twice without echo. An
// existing account is never changed.
import { parseArgs } from "node:util";
import { appDatabase } from "../db/app-db";
import { FolderInUseError } from "../db/folder-lock";
import { checkFirstAdminInput, createFirstAdmin } from "../lib/users/first-admin";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help || !values.email || !values.name) {
    console.error('Usage: npm run create-admin -- --email you@example.se --name "Your Name"\n(password from ADMIN_PASSWORD, or asked for)');
    return values.help ? 0 : 2;
  }
  const password = process.env.ADMIN_PASSWORD || (await askPasswordTwice());
  checkFirstAdminInput({ email: values.email, name: values.name, password });
  const handle = await appDatabase("create-admin");
  try {
    const outcome = await createFirstAdmin(handle.db, { email: values.email, name: values.name, password }, "command");
    if (outcome.status === "created") {
      console.log(`Administrator ${values.email.trim().toLowerCase()} created. Sign in at /login.`);
      return 0;
    }
    console.error(
      outcome.isAdmin
        ? `${values.email} already has an active administrator account; nothing changed.`
        : `${values.email} already has an account that is not an active administrator; nothing changed. An administrator can change its roles in the app.`,
    );
    return 1;
  } finally {
    await handle.close();
  }
}

async function askPasswordTwice(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for the password: set ADMIN_PASSWORD.");
  const first = await askHidden("Password (at least 12 characters): ");
  const second = await askHidden("Again: ");
  if (first !== second) throw new Error("The passwords differ.");
  return first;
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("Cancelled."));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof FolderInUseError ? `create-admin refused: ${error.message}` : error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
