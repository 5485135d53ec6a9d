import { Worker } from 'node:worker_threads';

const TASKS_PER_WORKER = 2;

/**
 * Each worker's young generation (where short-lived objects are made and collected), in MB. V8's default lets
 * it grow to tens of MB a thread; records are linted one at a time and leave little alive, so a small one
 * collects as well and keeps an audit's memory down (about 25 MB less per worker on the benchmark, and no
 * slower). The calling thread keeps V8's default: its heap is sized when the process starts.
 */
const YOUNG_GENERATION_MB = 4;

/**
 * A fixed pool of worker threads (node:worker_threads) running one module, plus, optionally, the calling thread
 * itself as one more slot (`inline`): on a machine with few cores the thread that reads and writes is idle most
 * of the time, and each extra worker costs its own start-up, compilation and garbage collection. Each worker is
 * given up to two tasks at a time, so it starts the next one at once even while the calling thread is busy
 * with an inline task and cannot hand out work. Tasks queue when every slot is full (the caller bounds how far
 * it reads ahead).
 */
export class WorkerPool<Task, Output> {
  /** Tasks each worker holds (running or waiting in its message queue). */
  private readonly load = new Map<Worker, number>();
  private readonly queue: { id: number; task: Task; transfer: ArrayBuffer[] }[] = [];
  private readonly pending = new Map<number, { resolve: (o: Output) => void; reject: (e: Error) => void }>();
  private readonly workers: Worker[] = [];
  private inlineBusy = false;
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(
    moduleUrl: URL,
    workers: number,
    workerData: unknown,
    private readonly inline?: (task: Task) => Promise<Output>,
  ) {
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(moduleUrl, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (message: { id: number; output?: Output; error?: string }) => {
        this.load.set(worker, this.load.get(worker)! - 1);
        this.settle(message.id, message.error, message.output);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`an audit worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
    if (workers === 0 && !inline) throw new Error('a pool needs a worker or an inline slot');
  }

  /** True once a worker has crashed: no task can run any more. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  run(task: Task, transfer: ArrayBuffer[] = []): Promise<Output> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const promise = new Promise<Output>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, task, transfer });
    this.dispatch();
    return promise;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const worker = this.leastLoaded();
      if (!worker) break;
      const { id, task, transfer } = this.queue.shift()!;
      this.load.set(worker, this.load.get(worker)! + 1);
      worker.postMessage({ id, unit: task }, transfer);
    }
    if (this.queue.length && this.inline && !this.inlineBusy) {
      const inline = this.inline;
      const { id, task } = this.queue.shift()!;
      this.inlineBusy = true;
      // On a later turn, so the caller's loop (reading, dispatching) goes on first.
      setImmediate(() => {
        inline(task).then(
          (output) => this.settleInline(id, undefined, output),
          (error: unknown) => this.settleInline(id, error instanceof Error ? error.message : String(error), undefined),
        );
      });
    }
  }

  private leastLoaded(): Worker | undefined {
    let best: Worker | undefined;
    for (const worker of this.workers) {
      const n = this.load.get(worker)!;
      if (n < TASKS_PER_WORKER && (!best || n < this.load.get(best)!)) best = worker;
    }
    return best;
  }

  private settleInline(id: number, error: string | undefined, output: Output | undefined): void {
    this.inlineBusy = false;
    this.settle(id, error, output);
  }

  private settle(id: number, error: string | undefined, output: Output | undefined): void {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    if (entry) {
      if (error !== undefined) entry.reject(new Error(error));
      else entry.resolve(output as Output);
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }
}
