import "server-only";
import { forbidden } from "next/navigation";
import { type SitePermission, canOnSite } from "@/lib/auth/permissions";
import { requireUser, requireUserOrRedirect, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * The operator making this request, for routes, actions and lib code: visitors get
 * UNAUTHENTICATED (401), users without the permission FORBIDDEN (403).
 */
export async function requireOperator(permission: SitePermission = "admin.view"): Promise<SessionUser> {
  const user = await requireUser();
  if (!canOnSite(user, permission)) throw new AppError("FORBIDDEN", "Only operators may do this.");
  return user;
}

/** For pages: visitors are sent to log in (and back to `returnTo`), users get the 403 page. */
export async function requireOperatorPage(returnTo: string, permission: SitePermission = "admin.view"): Promise<SessionUser> {
  const user = await requireUserOrRedirect(returnTo);
  if (!canOnSite(user, permission)) forbidden();
  return user;
}
