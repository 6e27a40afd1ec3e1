import { currentAccount } from "@/lib/auth/account-summary";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Who is signed in, for the site header (pages themselves are the same for everyone). */
export async function GET() {
  try {
    return Response.json(await currentAccount(), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
