import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "@/lib/env";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const adapter = new PrismaPg({ connectionString: databaseUrl() });
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

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
