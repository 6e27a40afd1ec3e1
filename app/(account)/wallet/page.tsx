import type { Metadata } from "next";
import Link from "next/link";
import { LiveBalance } from "@/components/wallet/live-balance";
import { StatementTable } from "@/components/wallet/statement-table";
import { TopUpPanel } from "@/components/wallet/top-up-panel";
import { accountRoleOf, can } from "@/lib/auth/permissions";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { enabledPaymentMethods } from "@/lib/payments/providers";
import { pageSchema } from "@/lib/http/page-param";
import { earningsAccount, walletAccount } from "@/lib/wallet/accounts";
import { earningsBalance, walletBalance } from "@/lib/wallet/balance";
import { statementAccountSchema } from "@/lib/wallet/schema";
import { accountStatement } from "@/lib/wallet/statement";

export const metadata: Metadata = { title: "Wallet" };

type SearchParams = Promise<{ page?: string | string[]; account?: string | string[] }>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function WalletPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUserOrRedirect("/wallet");
  const params = await searchParams;
  const page = pageSchema.parse(first(params.page));
  const which = statementAccountSchema.parse(first(params.account));
  const account = which === "earnings" ? earningsAccount(user.id) : walletAccount(user.id);
  const [balance, earnings, statement, methods] = await Promise.all([
    walletBalance(user.id),
    earningsBalance(user.id),
    accountStatement(account, page),
    enabledPaymentMethods(),
  ]);
  const tab = (name: typeof which, label: string) => (
    <Link
      href={`/wallet?account=${name}`}
      aria-current={which === name ? "page" : undefined}
      className={`rounded px-3 py-1.5 text-sm ${which === name ? "bg-zinc-800 text-white" : "text-zinc-400 hover:text-white"}`}
    >
      {label}
    </Link>
  );

  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end gap-6">
        <div>
          <h1 className="text-2xl font-semibold">Wallet</h1>
          <p className="text-zinc-400">
            <span data-testid="wallet-page-balance" className="text-xl font-semibold text-white">
              <LiveBalance initial={balance} />
            </span>{" "}
            coins to spend
          </p>
        </div>
        <p className="text-zinc-400">
          <span data-testid="earnings-balance" className="text-xl font-semibold text-white">
            {earnings.toLocaleString("en")}
          </span>{" "}
          coins earned from gifts
        </p>
        {can(accountRoleOf(user), "wallet.grant") ? (
          <Link href="/admin/coins" className="ml-auto text-sm text-brand hover:underline">
            Grant coins (operators)
          </Link>
        ) : null}
      </header>
      <div className="rounded-lg border border-zinc-800 bg-zinc-900 p-4">
        <TopUpPanel methods={methods} refresh />
      </div>
      <div className="space-y-3">
        <nav className="flex gap-2" aria-label="Accounts">
          {tab("wallet", "Coins")}
          {tab("earnings", "Gift earnings")}
        </nav>
        <StatementTable statement={statement} pageHref={(p) => `/wallet?account=${which}&page=${p}`} />
      </div>
    </section>
  );
}
