/**
 * Runs requests on their own while fewer than `limit` run, and the ones that arrive meanwhile
 * together, in one call of `many`, as soon as one returns. Every request therefore goes into a call
 * that starts after it was made: a write that completed before a read was asked for is seen by it.
 */
export class ReadBatcher<Request, Result> {
  private running = 0;
  private queue: { request: Request; resolve(result: Result): void; reject(error: unknown): void }[] = [];

  constructor(
    private readonly options: {
      /** Calls running at once before requests wait to go together. */
      limit: number;
      /** Most requests in one call of `many`. */
      maxBatch: number;
      one(request: Request): Promise<Result>;
      /** A result (or an error of its own) per request, in their order. */
      many(requests: Request[]): Promise<(Result | Error)[]>;
    },
  ) {}

  run(request: Request): Promise<Result> {
    if (this.running < this.options.limit) return this.track(() => this.options.one(request));
    return new Promise((resolve, reject) => this.queue.push({ request, resolve, reject }));
  }

  private async track<T>(call: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await call();
    } finally {
      this.running--;
      this.flush();
    }
  }

  private flush(): void {
    while (this.queue.length > 0 && this.running < this.options.limit) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      if (batch.length === 1) {
        const [only] = batch as [(typeof batch)[number]];
        this.track(() => this.options.one(only.request)).then(only.resolve, only.reject);
        continue;
      }
      this.track(() => this.options.many(batch.map((queued) => queued.request))).then(
        (results) => batch.forEach((queued, i) => (results[i] instanceof Error ? queued.reject(results[i]) : queued.resolve(results[i] as Result))),
        (error: unknown) => batch.forEach((queued) => queued.reject(error)),
      );
    }
  }
}
