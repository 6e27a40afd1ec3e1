import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./prisma/migration-adapter";

// Prisma 6.19 with the JS engine: `migrate deploy` works offline through the pg adapter
// (the native schema engine cannot be downloaded on our machines).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    return migrationAdapter(url);
  },
});
