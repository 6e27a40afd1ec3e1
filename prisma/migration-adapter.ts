import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Prisma's migration engine reads pg_catalog columns of type `name` (OID 19) and `"char"` (OID 18),
// which @prisma/adapter-pg 6.19 cannot map ("Column type 'name' could not be deserialized").
// Postgres sends both as plain text, so for migrations we relabel them as `text` (OID 25).
// Only prisma.config.ts (migrate) uses this; the app's client never reads catalog tables.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function relabelCatalogColumns(result: unknown): void {
  if (!result || typeof result !== "object" || !("fields" in result) || !Array.isArray(result.fields)) return;
  for (const field of result.fields as { dataTypeID: number }[]) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
}

class CatalogTextClient extends pg.Client {
  // pg's query() has many overloads; we only observe the result, so pass everything through.
  override query(...args: unknown[]): never {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        relabelCatalogColumns(result);
        return Reflect.apply(callback, undefined, [error, result]);
      };
    }
    const returned: unknown = Reflect.apply(pg.Client.prototype.query, this, args);
    if (returned instanceof Promise) {
      return returned.then((result: unknown) => {
        relabelCatalogColumns(result);
        return result;
      }) as never;
    }
    return returned as never;
  }
}

// The adapter runs a migration by splitting it at every ";", which breaks any function body
// (CREATE FUNCTION … $$ … ; … $$). Like Prisma's native engine, send the script whole: one
// simple-protocol query, which Postgres also runs as one transaction (a migration applies fully
// or not at all).
class WholeScriptPg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  override async connect() {
    const adapter = await super.connect();
    return Object.assign(adapter, {
      executeScript: async (script: string) => {
        await this.pool.query(script);
      },
    });
  }
}

export function migrationAdapter(connectionString: string): PrismaPg {
  return new WholeScriptPg(new pg.Pool({ connectionString, Client: CatalogTextClient }));
}
