/** Role and standing of an account at a glance. */
export function StandingBadges({ role, banned, muted }: { role: string; banned: boolean; muted: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {role === "OPERATOR" ? <span data-testid="badge-operator" className="rounded bg-amber-900 px-1.5 py-0.5 text-xs text-amber-200">operator</span> : null}
      {banned ? <span data-testid="badge-banned" className="rounded bg-red-900 px-1.5 py-0.5 text-xs text-red-200">banned</span> : null}
      {muted ? <span data-testid="badge-muted" className="rounded bg-zinc-700 px-1.5 py-0.5 text-xs text-zinc-200">muted</span> : null}
    </span>
  );
}
