import { z } from "zod";

// What a top-up buys. Prices are decided here, on the server; the form only names a package.
export const CURRENCY = "USD";

export const topUpPackages = [
  { id: "coins-60", coins: 60, priceCents: 99 },
  { id: "coins-300", coins: 300, priceCents: 499 },
  { id: "coins-1000", coins: 1000, priceCents: 1499 },
  { id: "coins-5000", coins: 5000, priceCents: 6999 },
] as const;

export type TopUpPackage = (typeof topUpPackages)[number];
export type TopUpPackageId = TopUpPackage["id"];

const packageIds = topUpPackages.map((p) => p.id);

export function findPackage(id: TopUpPackageId): TopUpPackage {
  const found = topUpPackages.find((p) => p.id === id);
  if (!found) throw new Error(`unknown package ${id}`);
  return found;
}

export function formatPrice(cents: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: CURRENCY }).format(cents / 100);
}

/** Payment methods the app has (lib/payments/providers.ts); which are on is the server's call. */
export const providerIds = ["test"] as const;
export type ProviderId = (typeof providerIds)[number];

export const topUpSchema = z.object({
  packageId: z.enum(packageIds, { error: "Choose one of the coin packages" }),
  provider: z.enum(providerIds, { error: "Choose a payment method" }),
});
export type TopUpInput = z.output<typeof topUpSchema>;
