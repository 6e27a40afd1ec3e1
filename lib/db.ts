import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { z } from "zod";
import { databaseUrl } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Connections per instance (node-postgres' default, made explicit: a `connection_limit` in the URL
 * is the Rust engine's and means nothing to this adapter). Measured in bench:gifts: the sends wait
 * on the app's CPU, not on connections; the backends are mostly idle between statements.
 */
export const DB_POOL_SIZE = 10;

const globalForDb = globalThis as unknown as { suixinDb?: Db; suixinPool?: pg.Pool };

/** The client's connections: Prisma's adapter runs on them, and so does preparedQuery. */
function pool(): pg.Pool {
  globalForDb.suixinPool ??= new pg.Pool({ connectionString: databaseUrl(), max: DB_POOL_SIZE });
  return globalForDb.suixinPool;
}

function createClient() {
  const adapter = new PrismaPg(pool(), { disposeExternalPool: true });
  // Password hashes never leave the data layer unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Prisma.TransactionClient;

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

/**
 * Runs a statement on the client's own connections as a named prepared statement, outside any
 * transaction: Postgres parses it once per connection and, after a few runs, keeps its plan
 * (Prisma's adapter sends every statement unnamed, parsed and planned again on each call; for
 * the gift statement that was a third of its database time, measured in bench:gifts). For hot
 * statements only: each distinct text stays prepared on every connection. Rows come back as
 * node-postgres reads them (int4 as number), timestamps as UTC Dates, as Prisma reads them.
 */
export async function preparedQuery<T extends pg.QueryResultRow>(statement: Prisma.Sql): Promise<T[]> {
  client(); // the pool exists once the client does
  const name = `s${createHash("sha1").update(statement.text).digest("hex").slice(0, 20)}`;
  const result = await pool().query<T>({ name, text: statement.text, values: statement.values, types: utcTimestamps });
  return result.rows;
}

const TIMESTAMP_OID = 1114; // timestamp without time zone, what Prisma's DateTime is in Postgres

/**
 * Prisma stores DateTime as UTC in `timestamp` columns; node-postgres would read those as the
 * machine's local time. Read them as Prisma does, whatever the machine's zone.
 */
const utcTimestamps: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

// A raw query's failure (P2010) carries the driver's error: Postgres' SQLSTATE and message.
const rawFailureSchema = z.object({ driverAdapterError: z.object({ cause: z.object({ originalCode: z.string(), originalMessage: z.string() }) }) });

/** A unique constraint refused a write: `constraint` narrows it to one (raw queries name theirs). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  // from preparedQuery: node-postgres' own error
  if (error instanceof pg.DatabaseError) return error.code === "23505" && (constraint === undefined || error.constraint === constraint);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return constraint === undefined;
  if (error.code !== "P2010") return false;
  const cause = rawFailureSchema.safeParse(error.meta).data?.driverAdapterError.cause;
  return cause?.originalCode === "23505" && (constraint === undefined || cause.originalMessage.includes(`"${constraint}"`));
}
