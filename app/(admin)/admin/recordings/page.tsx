import { format } from "date-fns";
import type { Metadata } from "next";
import { DeleteRecordingButton } from "@/components/admin/output-buttons";
import { Pager } from "@/components/ui/pager";
import { listRecordings } from "@/lib/admin/recordings";
import { requireOperatorPage } from "@/lib/admin/require-operator";
import { pageParamSchema } from "@/lib/admin/schema";

export const metadata: Metadata = { title: "Recordings" };
export const dynamic = "force-dynamic";

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export default async function RecordingsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await requireOperatorPage("/admin/recordings");
  const raw = (await searchParams).page;
  const list = await listRecordings(pageParamSchema.parse(Array.isArray(raw) ? raw[0] : raw));
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">Recordings</h1>
        <p className="text-sm text-zinc-400">
          Storage used: <span data-testid="storage-used">{megabytes(list.storageBytes)}</span> in {list.total} recording{list.total === 1 ? "" : "s"}. One being written cannot be
          deleted.
        </p>
      </header>
      <ul className="space-y-3">
        {list.rows.map((rec) => (
          <li key={rec.id} data-testid="recording-row" data-recording-id={rec.id} className="space-y-2 rounded-lg border border-zinc-800 bg-zinc-900 p-4 text-sm">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium">
                room {rec.show.roomNumber}: {rec.show.title}
              </span>
              <span className="text-zinc-400">by {rec.show.host.name}</span>
              <span className="text-zinc-400">{format(rec.startedAt, "d MMM yyyy HH:mm")}</span>
              <span data-testid="recording-status" className="rounded bg-zinc-800 px-2 py-0.5 text-xs">
                {rec.status}
              </span>
              <div className="ml-auto">{rec.status === "COMPLETE" && rec.parts.length > 0 ? <DeleteRecordingButton recordingId={rec.id} /> : null}</div>
            </div>
            {rec.parts.length === 0 ? <p className="text-zinc-500">{rec.status === "COMPLETE" ? "Deleted: no files." : "No files yet."}</p> : null}
            <ul className="space-y-1">
              {rec.parts.map((part) => {
                const url = `/api/recordings/${rec.show.roomNumber}/${encodeURIComponent(part.name)}`;
                return (
                  <li key={part.name} data-testid="recording-part" className="flex flex-wrap items-center gap-3">
                    <code className="text-xs">{part.name}</code>
                    <span className="text-zinc-400">
                      {Math.round(part.durationSeconds)} s · {megabytes(part.sizeBytes)}
                    </span>
                    <a href={url} target="_blank" rel="noreferrer" className="text-brand hover:underline">
                      Play
                    </a>
                    <a href={url} download={part.name} className="text-brand hover:underline">
                      Download
                    </a>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <Pager page={list.page} pages={list.pages} total={list.total} noun="recordings" hrefFor={(p) => `/admin/recordings?page=${p}`} />
    </section>
  );
}
