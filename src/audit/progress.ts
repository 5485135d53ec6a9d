/**
 * The progress bar of an audit, on standard error when it is a terminal (the caller decides): records done,
 * records per second and the time left, redrawn at most ten times a second on one line.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly write: (s: string) => void,
    /** Total bytes of input, for the fraction done and the time left. */
    private readonly totalBytes: number,
    private readonly columns = 80,
  ) {}

  update(records: number, bytes: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.write(`\r${formatProgress(records, bytes, this.totalBytes, (now - this.started) / 1000, this.columns)}\u001b[K`);
  }

  /** Clears the bar so the final output starts on a clean line. */
  done(): void {
    this.write('\r\u001b[K');
  }
}

export function formatProgress(records: number, bytes: number, totalBytes: number, seconds: number, columns = 80): string {
  const fraction = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
  const rate = seconds > 0 ? records / seconds : 0;
  const left = fraction > 0 && fraction < 1 ? (seconds * (1 - fraction)) / fraction : 0;
  const tail = ` ${(fraction * 100).toFixed(0).padStart(3)}% ${records.toLocaleString('en-GB')} records ${Math.round(rate).toLocaleString('en-GB')}/s ${fraction >= 1 ? 'done' : `${clock(left)} left`}`;
  const width = Math.max(10, Math.min(30, columns - tail.length - 3));
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${tail}`;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
