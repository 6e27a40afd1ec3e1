import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests: lib code against a real PostgreSQL (a throwaway cluster, see
// lib/testing/integration-db.ts) and Redis (integration-redis.ts), one file at a time since they
// share them.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.int.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/integration-db.ts", "lib/testing/integration-redis.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
