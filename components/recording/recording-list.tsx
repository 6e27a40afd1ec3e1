"use client";

import Link from "next/link";
import { useState } from "react";
import { deleteRecordingAction } from "@/components/recording/actions";
import { FormError } from "@/components/ui/form-error";
import type { ShowRecording } from "@/lib/recording/replay";

/** The host's recordings of an ended show: parts, a replay link, and a delete button each. */
export function RecordingList({ roomNumber, showId, initial }: { roomNumber: number; showId: string; initial: ShowRecording[] }) {
  const [recordings, setRecordings] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  async function remove(recordingId: string) {
    setError(null);
    const result = await deleteRecordingAction({ roomNumber, recordingId });
    if (result.ok) setRecordings(result.data);
    else setError(result.error.message);
  }
  return (
    <section data-testid="recordings" className="space-y-2">
      <h2 className="text-lg font-semibold">Recordings</h2>
      <FormError message={error} />
      {recordings.length === 0 ? (
        <p className="text-sm text-zinc-400">No recordings of this show.</p>
      ) : (
        <>
          <Link href={`/replay/${showId}`} className="text-sm text-brand hover:underline">
            Watch the replay
          </Link>
          <ul className="space-y-2">
            {recordings.map((r, i) => (
              <li key={r.id} data-testid="recording" className="rounded border border-zinc-800 p-2 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span>
                    Recording {i + 1}
                    {r.audioOnly ? " (audio only)" : ""} · {r.parts.length} part{r.parts.length === 1 ? "" : "s"} · {r.durationSeconds.toFixed(0)} s
                  </span>
                  <button type="button" onClick={() => remove(r.id)} className="rounded bg-red-800 px-2 py-1 text-xs text-white hover:bg-red-700">
                    Delete recording {i + 1}
                  </button>
                </div>
                <ul className="mt-1 text-xs text-zinc-400">
                  {r.parts.map((p) => (
                    <li key={p.name}>{p.name}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
