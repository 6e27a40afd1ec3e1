import { formatDistanceToNowStrict } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { CleanupStuckButton, StopOutputButton } from "@/components/admin/output-buttons";
import { Pager } from "@/components/ui/pager";
import { listChannels, listOutputs, STUCK_AFTER_HOURS } from "@/lib/admin/outputs";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { OUTPUT_FILTERS, outputSearchSchema, pageParamSchema } from "@/lib/admin/schema";
import { SLOT_STATUSES } from "@/lib/egress/record-egress";

export const metadata: Metadata = { title: "Outputs and channels" };
export const dynamic = "force-dynamic";

type Params = Promise<Record<string, string | string[] | undefined>>;
const TABS = { running: "Running", stuck: "Stuck", all: "All" } as const;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const running = (status: string) => (SLOT_STATUSES as readonly string[]).includes(status);

export default async function OutputsPage({ searchParams }: { searchParams: Params }) {
  await requireOperatorPage("/admin/outputs");
  const params = await searchParams;
  const search = outputSearchSchema.parse({ filter: first(params.filter), page: first(params.page) ?? 1 });
  const [outputs, channels] = await Promise.all([listOutputs(search), listChannels(pageParamSchema.parse(first(params.channels)))]);
  return (
    <section className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Outputs and channels</h1>
        <p className="text-sm text-zinc-400">
          Every Egress job (HLS, RTMP, recordings). Stuck: running here but unknown to Egress, or running for more than {STUCK_AFTER_HOURS} h.
        </p>
      </header>
      <nav aria-label="Output filter" className="flex gap-2 text-sm">
        {OUTPUT_FILTERS.map((filter) => (
          <Link
            key={filter}
            href={`/admin/outputs?filter=${filter}`}
            aria-current={filter === search.filter ? "page" : undefined}
            className={`rounded px-3 py-1 ${filter === search.filter ? "bg-zinc-800 text-white" : "text-zinc-400 hover:text-white"}`}
          >
            {TABS[filter]}
          </Link>
        ))}
      </nav>
      {search.filter === "stuck" && outputs.total > 0 ? <CleanupStuckButton count={outputs.total} /> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-zinc-400">
            <tr>
              <th className="p-2">Output</th>
              <th className="p-2">Show</th>
              <th className="p-2">State</th>
              <th className="p-2">Age</th>
              <th className="p-2" />
            </tr>
          </thead>
          <tbody>
            {outputs.rows.map((row) => (
              <tr key={row.id} data-testid="output-row" data-egress-id={row.id} className="border-t border-zinc-800 align-top">
                <td className="p-2">
                  {row.kind} <code className="text-xs text-zinc-500">{row.id}</code>
                </td>
                <td className="p-2">
                  room {row.show.roomNumber} · {row.show.host.name} ({row.show.status === "LIVE" ? "live" : "ended"})
                </td>
                <td className="p-2">
                  <span data-testid="output-status">{row.status}</span>
                  {row.stuck ? <span className="ml-2 rounded bg-amber-900 px-2 py-0.5 text-xs text-amber-100">stuck: {row.stuck}</span> : null}
                  {row.error ? <p className="text-xs text-red-300">{row.error}</p> : null}
                </td>
                <td className="p-2 text-zinc-400">{formatDistanceToNowStrict(row.startedAt)}</td>
                <td className="p-2">{running(row.status) ? <StopOutputButton egressId={row.id} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {outputs.rows.length === 0 ? <p className="p-2 text-zinc-400">No outputs here.</p> : null}
      </div>
      <Pager page={outputs.page} pages={outputs.pages} total={outputs.total} noun="outputs" hrefFor={(p) => `/admin/outputs?filter=${search.filter}&page=${p}`} />
      <div className="space-y-2">
        <h2 className="text-lg font-semibold">Push channels open or held</h2>
        <ul className="space-y-1 text-sm">
          {channels.rows.map((channel) => (
            <li key={channel.id} data-testid="channel-row" className="rounded border border-zinc-800 px-3 py-2">
              {channel.kind} channel of {channel.host.name} · <span data-testid="channel-state">{channel.state}</span>
              {channel.heldUntil ? ` until ${channel.heldUntil.toISOString().slice(11, 19)} UTC` : ""} · opened {formatDistanceToNowStrict(channel.createdAt)} ago{" "}
              <code className="text-xs text-zinc-500">{channel.id}</code>
            </li>
          ))}
        </ul>
        {channels.rows.length === 0 ? <p className="text-sm text-zinc-400">No open channels.</p> : null}
        <Pager page={channels.page} pages={channels.pages} total={channels.total} noun="channels" hrefFor={(p) => `/admin/outputs?filter=${search.filter}&channels=${p}`} />
      </div>
    </section>
  );
}
