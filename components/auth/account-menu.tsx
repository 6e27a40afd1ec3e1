"use client";

import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { useAccount } from "@/components/auth/use-account";
import { BalanceBadge } from "@/components/wallet/balance-badge";
import type { AccountSummary } from "@/lib/auth/schema";

/** The signed-in part of the header: your coins, who you are, and logging out. */
function SignedInMenu({ account }: { account: AccountSummary }) {
  return (
    <>
      {account.operator ? (
        <Link href="/admin" className="text-amber-300 hover:text-white">
          Dashboard
        </Link>
      ) : null}
      <BalanceBadge initial={account.balance} />
      <span data-testid="current-user" className="min-w-0 truncate text-zinc-300">
        {account.name}
      </span>
      <SignOutButton />
    </>
  );
}

function VisitorMenu() {
  return (
    <>
      <Link href="/login" className="text-zinc-300 hover:text-white">
        Log in
      </Link>
      <Link href="/register" className="rounded bg-brand px-3 py-1.5 font-medium text-white hover:bg-brand-dark">
        Sign up
      </Link>
    </>
  );
}

/**
 * The per-user corner of the header, filled in by the browser: pages are rendered once for
 * everyone (the room list comes from a cache), so they cannot carry who is looking.
 */
export function AccountMenu() {
  const account = useAccount();
  return (
    <div data-testid="account-menu" aria-busy={account === undefined} className="ml-auto flex min-h-8 min-w-0 items-center gap-2 text-sm sm:gap-3">
      {account === undefined ? null : account ? <SignedInMenu account={account} /> : <VisitorMenu />}
    </div>
  );
}
