"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { endShowAction, resumeBroadcastAction } from "@/components/studio/actions";
import { GoLiveForm } from "@/components/studio/go-live-form";
import { HostConsole, type HostSession } from "@/components/studio/host-console";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

type LiveShow = { roomNumber: number; title: string };

/** A host who is already live (e.g. after a reload) may pick the broadcast up again or end it. */
function ResumePanel({ show, onLive }: { show: LiveShow; onLive: (s: HostSession) => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function resume() {
    const result = await resumeBroadcastAction({ roomNumber: show.roomNumber });
    if (result.ok) onLive({ connection: result.data, title: show.title, devices: { videoDeviceId: "", audioDeviceId: "" } });
    else setError(result.error.message);
  }

  async function end() {
    const result = await endShowAction({ roomNumber: show.roomNumber });
    if (result.ok) router.push(`/studio/ended/${show.roomNumber}`);
    else setError(result.error.message);
  }

  return (
    <div data-testid="resume-panel" className="space-y-4 rounded-lg border border-zinc-800 bg-zinc-900 p-6">
      <p>
        You are live in room {show.roomNumber}: “{show.title}”.
      </p>
      <FormError message={error} />
      <div className="flex gap-3">
        <Button onClick={resume}>Resume broadcasting</Button>
        <Button variant="danger" onClick={end}>
          End show
        </Button>
      </div>
    </div>
  );
}

export function Studio({ liveShow }: { liveShow: LiveShow | null }) {
  const [session, setSession] = useState<HostSession | null>(null);
  if (session) return <HostConsole session={session} />;
  if (liveShow) return <ResumePanel show={liveShow} onLive={setSession} />;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Go live</h1>
      <GoLiveForm onLive={setSession} />
    </section>
  );
}
