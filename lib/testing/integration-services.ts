import type { TestProject } from "vitest/node";
import { startScratchPostgres, startScratchRedis } from "@/scripts/db/scratch-services";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
  }
}

/** Vitest global setup of the integration tests: their own Postgres and Redis for the run. */
export default async function setup(project: TestProject) {
  const [postgres, redis] = await Promise.all([startScratchPostgres(), startScratchRedis()]);
  project.provide("databaseUrl", postgres.url);
  project.provide("redisUrl", redis.url);
  return () => {
    redis.stop();
    postgres.stop();
  };
}
