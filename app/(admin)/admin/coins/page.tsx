import type { Metadata } from "next";
import { GrantForm } from "@/components/wallet/grant-form";
import { StatementTable } from "@/components/wallet/statement-table";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { pageSchema } from "@/lib/http/page-param";
import { grantsAccount } from "@/lib/wallet/accounts";
import { accountStatement } from "@/lib/wallet/statement";

export const metadata: Metadata = { title: "Grant coins" };

export default async function GrantCoinsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  // Operators only, as every dashboard page (the grant itself checks again).
  await requireOperatorPage("/admin/coins");
  const raw = (await searchParams).page;
  const page = pageSchema.parse(Array.isArray(raw) ? raw[0] : raw);
  return (
    <section className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Grant coins</h1>
        <p className="text-zinc-400">Coins out of nothing: every grant is on the ledger with your reason.</p>
      </header>
      <GrantForm />
      <div className="space-y-2">
        <h2 className="font-semibold">Grants so far</h2>
        <StatementTable statement={await accountStatement(grantsAccount, page)} pageHref={(p) => `/admin/coins?page=${p}`} />
      </div>
    </section>
  );
}
