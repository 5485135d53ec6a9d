import { Worker } from 'node:worker_threads';

/**
 * A fixed pool of worker threads (node:worker_threads) running one module. Tasks queue when every worker is
 * busy; `whenBelow` lets a producer wait instead of reading ahead, so memory stays flat however large the input.
 */
export class WorkerPool<Task, Output> {
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; task: Task; transfer: ArrayBuffer[] }[] = [];
  private readonly pending = new Map<number, { resolve: (o: Output) => void; reject: (e: Error) => void; worker?: Worker }>();
  private readonly waiters: { limit: number; resolve: () => void }[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(moduleUrl: URL, size: number, workerData: unknown) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(moduleUrl, { workerData });
      worker.on('message', (message: { id: number; output?: Output; error?: string }) => this.settle(worker, message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`an audit worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** True once a worker has crashed: no task can run any more. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.pending.size;
  }

  run(task: Task, transfer: ArrayBuffer[] = []): Promise<Output> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const promise = new Promise<Output>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, task, transfer });
    this.dispatch();
    return promise;
  }

  /** Resolves once fewer than `limit` tasks are queued or running. */
  whenBelow(limit: number): Promise<void> {
    if (this.pending.size < limit || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ limit, resolve }));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const { id, task, transfer } = this.queue.shift()!;
      this.pending.get(id)!.worker = worker;
      worker.postMessage({ id, unit: task }, transfer);
    }
  }

  private settle(worker: Worker, message: { id: number; output?: Output; error?: string }): void {
    const entry = this.pending.get(message.id);
    this.pending.delete(message.id);
    this.idle.push(worker);
    if (entry) {
      if (message.error !== undefined) entry.reject(new Error(message.error));
      else entry.resolve(message.output as Output);
    }
    this.dispatch();
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.pending.size < this.waiters[i].limit) this.waiters.splice(i, 1)[0].resolve();
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
    for (const w of this.waiters.splice(0)) w.resolve();
  }
}
