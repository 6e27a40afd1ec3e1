"use client";

import { useEffect, useSyncExternalStore } from "react";

// The signed-in user's balance as this tab last heard it from the server (a top-up or a gift's
// receipt), so the header shows it at once without reloading the page.
let latest: number | null = null;
const listeners = new Set<() => void>();

export function setWalletBalance(balance: number): void {
  latest = balance;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The balance: the server render's `initial` until an action reports a newer one. */
export function useWalletBalance(initial: number): number {
  // A new server render (navigation, refresh) is newer than anything heard before it.
  useEffect(() => setWalletBalance(initial), [initial]);
  return useSyncExternalStore(
    subscribe,
    () => latest ?? initial,
    () => initial,
  );
}
