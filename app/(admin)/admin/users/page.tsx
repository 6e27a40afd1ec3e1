import type { Metadata } from "next";
import { UserSearch } from "@/components/admin/user-search";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { userSearchSchema } from "@/lib/admin/schema";
import { searchUsers } from "@/lib/users/search-users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

type Params = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function UsersPage({ searchParams }: { searchParams: Params }) {
  await requireOperatorPage("/admin/users");
  const params = await searchParams;
  const search = userSearchSchema.parse({ q: first(params.q) ?? "", filter: first(params.filter) ?? "all", page: first(params.page) ?? 1 });
  const result = await searchUsers(search);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Users</h1>
      <UserSearch key={`${search.q}|${search.filter}|${search.page}`} initial={result} search={search} />
    </section>
  );
}
