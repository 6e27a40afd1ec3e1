"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { cleanupStuckOutputsAction, stopOutputAction } from "@/components/admin/actions/outputs";
import { deleteRecordingAction } from "@/components/admin/actions/recordings";
import { ReasonForm } from "@/components/admin/reason-form";

export function StopOutputButton({ egressId }: { egressId: string }) {
  const router = useRouter();
  return <ReasonForm label="Stop…" confirmLabel="Stop this output" onSubmit={(reason) => stopOutputAction({ egressId, reason })} onDone={() => router.refresh()} />;
}

/** The original's console cleanup, in one click (with a reason for the audit log). */
export function CleanupStuckButton({ count }: { count: number }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <ReasonForm
        label={`Clean up ${count} stuck output${count === 1 ? "" : "s"}…`}
        confirmLabel="Clean up"
        onSubmit={(reason) => cleanupStuckOutputsAction({ reason })}
        onDone={(result) => {
          setDone(`${result.cleaned} cleaned up.`);
          router.refresh();
        }}
      />
      {done ? (
        <p role="status" className="text-sm text-emerald-300">
          {done}
        </p>
      ) : null}
    </div>
  );
}

export function DeleteRecordingButton({ recordingId }: { recordingId: string }) {
  const router = useRouter();
  return (
    <ReasonForm label="Delete…" confirmLabel="Delete the recording" onSubmit={(reason) => deleteRecordingAction({ recordingId, reason })} onDone={() => router.refresh()} />
  );
}
