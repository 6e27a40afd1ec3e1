import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";

export type EnqueueOptions = {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  /** At most one pending job per key: a later enqueue replaces the pending one (see `keyMode`). */
  jobKey?: string;
  /** "replace" (default): new payload and run time; "preserve_run_at": new payload, first run time kept. */
  keyMode?: "replace" | "preserve_run_at";
  /** Not before this time (e.g. a deadline check). */
  runAt?: Date;
  /** Jobs of one queue run one after the other, in order. */
  queue?: string;
  maxAttempts?: number;
};

export type Job<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  // Method syntax: a list of jobs with different payloads is a list of Job.
  run(payload: z.output<S>): Promise<void>;
  enqueue(payload: z.input<S>, options?: EnqueueOptions): Promise<void>;
};

/**
 * A durable background job: `enqueue` stores it in Postgres (graphile-worker's queue, optionally
 * in the caller's transaction), and whichever app instance is free runs it, retrying with a
 * growing delay when it throws. `run` must be idempotent: a job may run again after a crash.
 */
export function defineJob<S extends z.ZodType>(name: string, schema: S, run: (payload: z.output<S>) => Promise<void>): Job<S> {
  return {
    name,
    schema,
    run,
    async enqueue(payload, options = {}) {
      const checked = schema.parse(payload);
      const client = options.tx ?? db;
      await client.$executeRaw`SELECT graphile_worker.add_job(
        identifier => ${name}::text,
        payload => ${JSON.stringify(checked)}::json,
        queue_name => ${options.queue ?? null}::text,
        run_at => ${options.runAt ?? null}::timestamptz,
        max_attempts => ${options.maxAttempts ?? null}::int,
        job_key => ${options.jobKey ?? null}::text,
        job_key_mode => ${options.keyMode ?? "replace"}::text
      )`;
    },
  };
}
