import "server-only";
import { db } from "@/lib/db";

const select = { id: true, name: true, price: true, icon: true, animation: true, retiredAt: true } as const;

// Every send looks its gift up; the catalog changes rarely (an operator's edit), so each instance
// reads it at most once a second. A send still checks price and retirement inside its transaction.
const CACHE_MS = 1_000;

type CatalogRow = Awaited<ReturnType<typeof readCatalog>>[number];
const state = globalThis as unknown as { suixinGiftCatalog?: { at: number; rows: Promise<CatalogRow[]> } };

function readCatalog() {
  return db.gift.findMany({ select, orderBy: [{ sortOrder: "asc" }, { price: "asc" }] });
}

function catalog(): Promise<CatalogRow[]> {
  const now = Date.now();
  const cached = state.suixinGiftCatalog;
  if (cached && now - cached.at < CACHE_MS) return cached.rows;
  const rows = readCatalog();
  state.suixinGiftCatalog = { at: now, rows };
  rows.catch(() => {
    if (state.suixinGiftCatalog?.rows === rows) state.suixinGiftCatalog = undefined;
  });
  return rows;
}

export type ShelfGift = Omit<CatalogRow, "retiredAt">;

/** The gifts on the shelf: everything not retired, in catalog order. */
export async function shelfGifts(): Promise<ShelfGift[]> {
  return (await catalog())
    .filter((g) => g.retiredAt === null)
    .map((g) => ({ id: g.id, name: g.name, price: g.price, icon: g.icon, animation: g.animation }));
}

/** One gift of the catalog, retired or not (null: no such gift). */
export async function findGift(id: string): Promise<CatalogRow | null> {
  // Not in the cached catalog: perhaps added within the last second.
  return (await catalog()).find((g) => g.id === id) ?? freshGift(id);
}

/** A gift as the database has it now, bypassing the cache (to say why a send was refused). */
export function freshGift(id: string) {
  return db.gift.findUnique({ where: { id }, select });
}
