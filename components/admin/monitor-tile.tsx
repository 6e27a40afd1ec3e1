"use client";

import Link from "next/link";
import { endShowAsOperatorAction } from "@/components/admin/actions/shows";
import { compactDuration } from "@/components/admin/duration";
import { MonitorThumbnail } from "@/components/admin/monitor-thumbnail";
import { ReasonForm } from "@/components/admin/reason-form";
import type { MonitorShow } from "@/lib/admin/live-monitor";

const KINDS = ["HLS", "RTMP", "MP4"] as const;

function Outputs({ outputs }: { outputs: MonitorShow["outputs"] }) {
  const running = KINDS.filter((kind) => outputs[kind] > 0);
  if (running.length === 0) return <span className="text-zinc-500">no outputs</span>;
  return (
    <>
      {running.map((kind) => (
        <span key={kind} data-testid={`monitor-output-${kind}`} className="rounded bg-zinc-800 px-1.5 py-0.5 text-xs text-zinc-200">
          {kind}
          {outputs[kind] > 1 ? ` ×${outputs[kind]}` : ""}
        </span>
      ))}
    </>
  );
}

/** One live show on the monitor: its picture, its figures, and the operator's "end" button. */
export function MonitorTile({ show, now, onEnded }: { show: MonitorShow; now: string; onEnded: () => void }) {
  return (
    <li data-testid="monitor-tile" data-room-number={show.roomNumber} className="overflow-hidden rounded-lg border border-zinc-800 bg-zinc-900">
      <div className="relative">
        <MonitorThumbnail roomNumber={show.roomNumber} hostIdentity={show.host.id} />
        <span className="absolute left-2 top-2 rounded bg-brand px-1.5 py-0.5 text-xs font-semibold text-white">LIVE</span>
        {show.hostAwaySince ? (
          <span data-testid="monitor-host-away" className="absolute right-2 top-2 rounded bg-black/70 px-1.5 py-0.5 text-xs text-amber-300">
            host away {compactDuration(show.hostAwaySince, now)}
          </span>
        ) : null}
      </div>
      <div className="space-y-2 p-3 text-sm">
        <h2 className="truncate font-medium" title={show.title}>
          {show.title}
        </h2>
        <p className="truncate text-zinc-400">
          <Link href={`/admin/users/${show.host.id}`} className="hover:text-white hover:underline">
            {show.host.name}
          </Link>{" "}
          ·{" "}
          <Link href={`/shows/${show.roomNumber}`} className="hover:text-white hover:underline">
            room {show.roomNumber}
          </Link>
        </p>
        <dl className="grid grid-cols-3 gap-1 text-xs text-zinc-400">
          <div>
            <dt>viewers</dt>
            <dd data-testid="monitor-viewers" className="text-base text-zinc-100">
              {show.viewers}
            </dd>
          </div>
          <div>
            <dt>likes</dt>
            <dd data-testid="monitor-likes" className="text-base text-zinc-100">
              {show.likes}
            </dd>
          </div>
          <div>
            <dt>live for</dt>
            <dd data-testid="monitor-live-for" className="text-base text-zinc-100">
              {compactDuration(show.startedAt, now)}
            </dd>
          </div>
        </dl>
        <p className="flex flex-wrap items-center gap-1 text-xs">
          <Outputs outputs={show.outputs} />
          <Link href={`/admin/numbers?room=${show.roomNumber}`} className="ml-auto text-brand hover:underline">
            viewers chart
          </Link>
        </p>
        <ReasonForm
          label="End show…"
          confirmLabel="End show now"
          onSubmit={(reason) => endShowAsOperatorAction({ roomNumber: show.roomNumber, reason })}
          onDone={onEnded}
        />
      </div>
    </li>
  );
}
