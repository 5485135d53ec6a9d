import { constants } from 'node:fs';
import { chmod, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeIoError } from './errors.js';

/** A write that failed; the original file is untouched. `message` names the file, never its contents. */
export class WriteError extends Error {
  constructor(
    readonly filePath: string,
    readonly reason: string,
  ) {
    super(`${filePath}: not written: ${reason}; the original is unchanged`);
    this.name = 'WriteError';
  }
}

/** The hidden file a new version is written to before it replaces the original (same folder, same disk). */
export function temporaryPathFor(realPath: string): string {
  return join(dirname(realPath), `.${basename(realPath)}.anti-racist-lint.tmp`);
}

/**
 * Replaces a file's contents all at once, so a crash, a SIGKILL or a full disk at any moment leaves either
 * the old file or the new one, never a truncated mix: the new contents go to a temporary file beside the
 * original (readable by the owner only), are flushed to disk, and the temporary file is renamed over the
 * original, keeping its permissions. A symbolic link is followed, so the link stays a link. On any error
 * the temporary file is removed and a WriteError thrown; one left behind by a killed process has a fixed
 * name and is replaced by the next write of the same file.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  let target: string;
  let mode: number;
  try {
    target = await realpath(path);
    mode = (await stat(target)).mode & 0o7777;
  } catch (error) {
    throw new WriteError(path, describeIoError(error));
  }
  const temporary = temporaryPathFor(target);
  await unlink(temporary).catch(() => undefined);
  let handle;
  try {
    // O_EXCL: never write through a file or link somebody else put at the temporary name.
    handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await chmod(temporary, mode);
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw new WriteError(path, describeIoError(error));
  }
  await syncFolder(dirname(target));
}

/** Makes the rename itself durable; not every file system allows it, and the data is already safe. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, constants.O_RDONLY);
    await handle.sync().finally(() => handle.close());
  } catch {
    // Best effort.
  }
}
