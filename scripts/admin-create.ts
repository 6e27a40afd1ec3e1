// Creates an operator account from the command line:
//   npm run admin:create -- --email ops@example.com --password '…' [--name 'Ops']
// Uses DATABASE_URL, or the running dev stack's database (.data/dev/stack.json).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { registerSchema } from "@/lib/auth/schema";

function databaseUrlFromDevStack(): string | undefined {
  const file = path.resolve(__dirname, "..", ".data", "dev", "stack.json");
  if (!fs.existsSync(file)) return undefined;
  const info: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  return info && typeof info === "object" && "databaseUrl" in info && typeof info.databaseUrl === "string" ? info.databaseUrl : undefined;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
  });
  const parsed = registerSchema.safeParse({ email: values.email, password: values.password, name: values.name ?? "Operator" });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`admin:create: ${issue.path.join(".")}: ${issue.message}`);
    console.error("usage: npm run admin:create -- --email <email> --password <password> [--name <display name>]");
    process.exit(2);
  }
  process.env.DATABASE_URL ||= databaseUrlFromDevStack();
  if (!process.env.DATABASE_URL) {
    console.error("admin:create: set DATABASE_URL, or start the dev stack (npm start) first");
    process.exit(2);
  }
  // Imported late: the data layer reads DATABASE_URL when first used.
  const { createOperator } = await import("@/lib/auth/create-operator");
  const outcome = await createOperator(parsed.data);
  console.log(`admin:create: ${parsed.data.email} ${outcome === "created" ? "created as operator" : "already existed; now an operator"}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error("admin:create failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
