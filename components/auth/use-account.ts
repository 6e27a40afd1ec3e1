"use client";

import { useSyncExternalStore } from "react";
import { type AccountSummary, accountAnswerSchema } from "@/lib/auth/schema";

/** undefined: not known yet (the server render and the first paint); null: a visitor. */
export type AccountState = AccountSummary | null | undefined;

// One store for the page (not per component): the header and anything else that shows the
// account read the same answer, fetched once per page load.
let current: AccountState;
let generation = 0;
const listeners = new Set<() => void>();

/**
 * Asks the server again who is signed in; call it after anything that changes what the header
 * shows (signing in, later a purchase). Only the newest answer is kept; on a network error the
 * header keeps what it shows.
 */
export async function refreshAccount(): Promise<void> {
  const mine = ++generation;
  try {
    const response = await fetch("/api/account", { cache: "no-store" });
    if (!response.ok) return;
    const { account } = accountAnswerSchema.parse(await response.json());
    if (mine !== generation) return;
    current = account;
    for (const listener of listeners) listener();
  } catch {
    // Offline for a moment: the next refresh asks again.
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (generation === 0) void refreshAccount();
  return () => listeners.delete(listener);
}

/** The signed-in account as the server last said; `undefined` until it has answered. */
export function useAccount(): AccountState {
  // The server snapshot is "not known", so the first render in the browser matches the HTML
  // (which is shared by everyone) and hydration never fails over this.
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => undefined,
  );
}
