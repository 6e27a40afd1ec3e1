import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { z } from "zod";
import { databaseUrl } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Connections per instance (node-postgres' default, made explicit: a `connection_limit` in the URL
 * is the Rust engine's and means nothing to this adapter). Measured in bench:gifts: the sends wait
 * on the app's CPU, not on connections; the backends are mostly idle between statements.
 */
export const DB_POOL_SIZE = 10;

function createClient() {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: DB_POOL_SIZE });
  // Password hashes never leave the data layer unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { suixinDb?: Db };

function client(): Db {
  globalForDb.suixinDb ??= createClient();
  return globalForDb.suixinDb;
}

/** The one Prisma client, created on first use. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const c = client();
    const value: unknown = Reflect.get(c, prop);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

// A raw query's failure (P2010) carries the driver's error: Postgres' SQLSTATE and message.
const rawFailureSchema = z.object({ driverAdapterError: z.object({ cause: z.object({ originalCode: z.string(), originalMessage: z.string() }) }) });

/** A unique constraint refused a write: `constraint` narrows it to one (raw queries name theirs). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return constraint === undefined;
  if (error.code !== "P2010") return false;
  const cause = rawFailureSchema.safeParse(error.meta).data?.driverAdapterError.cause;
  return cause?.originalCode === "23505" && (constraint === undefined || cause.originalMessage.includes(`"${constraint}"`));
}
