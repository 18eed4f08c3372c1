import fs from "node:fs";
import os from "node:os";

// A PGlite data folder is one PostgreSQL cluster without a postmaster: two processes that open it
// both write it, and the later writes of one are lost (or the folder is left unopenable). So the
// folder is held by one process at a time, through `<folder>.lock`: created with O_EXCL, holding
// the holder's pid, its start time and host. A lock whose holder is gone (killed, crashed) is
// noticed at once and taken over; a live holder's lock is refused with a message that names it.
//
// Why not proper-lockfile: its staleness is a timer (the holder refreshes the mtime), so after a
// kill -9 the folder stays locked for the stale period, and a holder whose event loop is busy
// (PGlite runs queries on the main thread) can be judged stale while it still writes.

export interface LockHolder {
  pid: number;
  host: string;
  /** The holder's start time (Linux: clock ticks since boot from /proc; elsewhere null). */
  startTicks: string | null;
  since: string;
  /** What holds it: "app", "db:migrate", "backup", ... */
  purpose: string;
}

export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The database folder ${folder} is in use by another process (${holder.purpose}, pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
        `An embedded database can be opened by one process at a time: stop that process first` +
        (holder.purpose === "app" ? ", or let the app do it (it migrates at start; ADMIN_EMAIL/ADMIN_PASSWORD create an administrator at start; npm run backup asks the running app)." : "."),
    );
    this.name = "FolderInUseError";
  }
}

const held = new Map<string, string>(); // folder -> lock file, held by this process

function processStartTicks(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime); the command name (field 2) may contain spaces, so count after ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder, lockFile: string): boolean {
  if (holder.host !== os.hostname()) return true; // cannot tell: never take another machine's lock
  // Our own pid: ours if we hold it, else a previous process's that had the same pid (a restarted container).
  if (holder.pid === process.pid) return [...held.values()].includes(lockFile);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  // The pid is in use: is it still the same process, or a new one that got the pid after a crash?
  const ticks = processStartTicks(holder.pid);
  return !(ticks && holder.startTicks && ticks !== holder.startTicks);
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockFile, "utf8")) as LockHolder;
    return typeof parsed.pid === "number" ? parsed : null;
  } catch {
    return null;
  }
}

export function lockFileOf(folder: string): string {
  return `${folder.replace(/[\\/]+$/, "")}.lock`;
}

/** Who holds the folder now, or null when nobody (alive) does. */
export function folderHolder(folder: string): LockHolder | null {
  const lockFile = lockFileOf(folder);
  const holder = readHolder(lockFile);
  return holder && isAlive(holder, lockFile) ? holder : null;
}

/**
 * Takes the folder for this process, or throws FolderInUseError. Returns the release function;
 * the lock is also released when the process exits normally, and a killed holder's lock is
 * taken over by the next one.
 */
export function lockFolder(folder: string, purpose: string): () => void {
  const lockFile = lockFileOf(folder);
  if (held.has(folder)) throw new FolderInUseError(folder, readHolder(lockFile) ?? me(purpose));
  const mine = me(purpose);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(lockFile, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o644);
      fs.writeSync(fd, JSON.stringify(mine));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 30) throw error;
      const holder = readHolder(lockFile);
      if (holder && isAlive(holder, lockFile)) throw new FolderInUseError(folder, holder);
      // A dead holder's lock, or one being written right now (unreadable): take over the stale one
      // by renaming it away first, so two processes that both saw it stale cannot both remove a fresh lock.
      if (!holder) {
        const stat = fs.statSync(lockFile, { throwIfNoEntry: false });
        if (stat && Date.now() - stat.mtimeMs < 2000) {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
          continue;
        }
      }
      const aside = `${lockFile}.stale-${process.pid}`;
      try {
        fs.renameSync(lockFile, aside);
        fs.rmSync(aside, { force: true });
      } catch {
        /* someone else took it over first: try again */
      }
    }
  }
  held.set(folder, lockFile);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(folder);
    process.off("exit", release);
    if (readHolder(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
  };
  process.on("exit", release);
  return release;
}

function me(purpose: string): LockHolder {
  return { pid: process.pid, host: os.hostname(), startTicks: processStartTicks(process.pid), since: new Date().toISOString(), purpose };
}
