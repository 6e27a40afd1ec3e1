import type { LedgerAccountKind } from "@/lib/generated/prisma/enums";

// Ledger accounts are named by whose they are, so the code never has to look an id up.

export type AccountRef = { id: string; kind: LedgerAccountKind; userId?: string };

export function walletAccount(userId: string): AccountRef {
  return { id: `wallet:${userId}`, kind: "WALLET", userId };
}

export function earningsAccount(userId: string): AccountRef {
  return { id: `earnings:${userId}`, kind: "EARNINGS", userId };
}

export const platformAccount: AccountRef = { id: "platform", kind: "PLATFORM" };

export const grantsAccount: AccountRef = { id: "grants", kind: "GRANTS" };

export function topUpAccount(provider: string): AccountRef {
  return { id: `top-up:${provider}`, kind: "TOP_UP" };
}
