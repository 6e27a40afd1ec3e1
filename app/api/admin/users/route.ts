import { requireOperator } from "@/lib/admin/require-operator";
import { userSearchSchema } from "@/lib/admin/schema";
import { errorResponse } from "@/lib/errors";
import { searchUsers } from "@/lib/users/search-users";

export const dynamic = "force-dynamic";

/** User search (operators only): the dashboard's search box asks this as the operator types. */
export async function GET(request: Request) {
  try {
    await requireOperator("admin.view");
    const params = new URL(request.url).searchParams;
    const search = userSearchSchema.parse({ q: params.get("q") ?? "", filter: params.get("filter") ?? "all", page: params.get("page") ?? 1 });
    return Response.json(await searchUsers(search), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
