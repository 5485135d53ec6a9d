/**
 * Operating-system errors in plain words, for one-line messages that name a file and what went wrong and
 * never print a stack trace or any of the file's contents.
 */
const PLAIN: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many levels of symbolic links (a link loop)',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error (the disk or network share failed)',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EBUSY: 'the file is busy or locked',
  ETXTBSY: 'the file is busy',
  EFBIG: 'the file is too large',
  ERR_FS_FILE_TOO_LARGE: 'the file is too large',
  EAGAIN: 'the file is not ready (try again)',
  ENXIO: 'no reader or device at the other end',
};

/** "permission denied (EACCES)"; the first line of the message for anything else. */
export function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code && PLAIN[code]) return `${PLAIN[code]} (${code})`;
  // Node's messages name the system call and path; the path is already in our message, so keep the rest short.
  const message = (e?.message ?? String(error)).split('\n')[0].replace(/, \w+ '.*'$/, '');
  return code ? `${message} (${code})` : message;
}
