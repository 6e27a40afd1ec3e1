/** The end page's "who was on stage" (a server component: names only). */
export function StageGuestList({ guests }: { guests: { userId: string; name: string }[] }) {
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">On stage with you</h2>
      {guests.length > 0 ? (
        <ul data-testid="stage-guest-list" className="flex flex-wrap gap-2">
          {guests.map((g) => (
            <li key={g.userId} className="rounded-full border border-zinc-700 px-3 py-1 text-sm">
              {g.name}
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="stage-guest-list-empty" className="text-sm text-zinc-400">
          Nobody joined you on stage this time.
        </p>
      )}
    </section>
  );
}
