import "server-only";

/** Who did it: the screening system itself, or an operator. */
export type ScreeningActor = { kind: "system" } | { kind: "user"; userId: string };

export type ScreeningAuditEntry = {
  actor: ScreeningActor;
  action: "screening.flag" | "screening.blur" | "screening.end" | "screening.clear";
  showId: string;
  flagId?: string;
  details: Record<string, string | number | boolean | null>;
};

/**
 * The one place screening records what it did, automatic or not. The audit log (issue 12, the
 * operator dashboard) is not merged yet: when it is, write the entry to its model here (inside the
 * caller's transaction where there is one); until then it goes to the app log.
 */
export async function recordScreeningAudit(entry: ScreeningAuditEntry): Promise<void> {
  console.info(`[screening] audit ${JSON.stringify(entry)}`);
}
