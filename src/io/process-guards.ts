/**
 * Last-resort handlers for the command-line process, so that no failure ends in a stack trace:
 *  - a reader that stops early (`anti-racist-lint notes/ | head`) closes the pipe; writing more raises
 *    EPIPE: the rest of the output is dropped quietly and the run ends with its usual exit code;
 *  - anything else that escapes (an error event or a rejected promise nobody awaited) is reported in one
 *    line, without its stack or any record text, and the run exits 2.
 */
export function guardProcess(name: string): void {
  const onStreamError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    fatal(error);
  };
  process.stdout.on('error', onStreamError);
  process.stderr.on('error', onStreamError);
  const fatal = (error: unknown) => {
    const e = error as NodeJS.ErrnoException | undefined;
    const message = (e?.message ?? String(error)).split('\n')[0];
    try {
      process.stderr.write(`${name}: unexpected failure: ${e?.code ? `${e.code}: ` : ''}${message}\n`);
    } finally {
      process.exit(2);
    }
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}
