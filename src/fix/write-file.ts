import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeAllSync } from '../io/write-all.js';

/** What a file was when it was read; a write is refused if it is no longer so. */
export interface ReadSnapshot {
  bytes: Uint8Array;
  mtimeMs: number;
  size: number;
}

/** The file changed on disk (another editor, a sync client) after it was read: it is left as it is. */
export class ChangedOnDiskError extends Error {
  constructor(readonly filePath: string) {
    super(`${filePath} changed on disk since it was read; not overwritten (run again to fix the new version)`);
    this.name = 'ChangedOnDiskError';
  }
}

export function snapshotFile(filePath: string): ReadSnapshot {
  const stats = statSync(filePath);
  return { bytes: readFileSync(filePath), mtimeMs: stats.mtimeMs, size: stats.size };
}

/**
 * Replaces a file's contents atomically: the new bytes go to a temporary file in the same folder (so the
 * rename cannot cross file systems), which is flushed to disk, given the original's mode (and owner, where
 * allowed) and renamed over the original. Readers see the old file or the new one, never a truncated record,
 * whenever the run is interrupted. A symbolic link is followed, so the link stays a link.
 *
 * With `expected`, the file is compared with what was read just before the rename (content, size and
 * modification time); if it differs, nothing is replaced and ChangedOnDiskError is thrown.
 */
export function writeFileAtomic(filePath: string, bytes: Uint8Array, expected?: ReadSnapshot): void {
  const target = realpathOrSelf(filePath);
  sweepStaleTemporaries(dirname(target));
  const original = statOrUndefined(target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = original ? original.mode & 0o7777 : 0o644;
  let renamed = false;
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      // Not a bare writeSync: on a nearly full disk it writes part and returns, and the rename would then
      // replace the record with a truncated copy.
      writeAllSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, mode); // openSync's mode is reduced by the umask; the original's must be kept exactly
    if (original) keepOwner(temp, original.uid, original.gid);
    if (expected && changedSince(target, expected)) throw new ChangedOnDiskError(filePath);
    renameSync(temp, target);
    renamed = true;
  } finally {
    if (!renamed) removeQuietly(temp);
  }
}

/** The temporary files writeFileAtomic makes: `.<name>.<pid>.<8 hex>.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const swept = new Set<string>();

/**
 * A run killed (SIGKILL, power cut) between writing a temporary file and renaming it leaves the file behind,
 * and it holds record text. The first write into a folder removes those left by processes that no longer
 * exist, so the text does not linger beyond the next run.
 */
function sweepStaleTemporaries(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) removeQuietly(join(dir, name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function changedSince(filePath: string, expected: ReadSnapshot): boolean {
  const now = statOrUndefined(filePath);
  if (!now || now.size !== expected.size || now.mtimeMs !== expected.mtimeMs) return true;
  return !Buffer.from(readFileSync(filePath)).equals(Buffer.from(expected.bytes));
}

function keepOwner(path: string, uid: number, gid: number): void {
  if (process.getuid?.() === uid && process.getgid?.() === gid) return;
  try {
    chownSync(path, uid, gid);
  } catch {
    // Only root may give a file away; otherwise the file becomes the writer's, as with any editor.
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // It was never created.
  }
}

/**
 * `mkdir -p`, one level at a time from the nearest existing folder. (Node's recursive mkdirSync never returns on
 * some special file systems, such as a path under /proc; here the first failing level throws.)
 */
export function ensureFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}
