"use client";

import { useLocalParticipant } from "@livekit/components-react";
import { useState } from "react";
import { sendStageCommand } from "@/components/stage/stage-client";
import { useParticipantAttributes } from "@/components/stage/use-participant-attributes";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { mutedByHost } from "@/lib/stage/attributes";

/** A guest's own controls: mic and camera (locked while the host holds them muted), leave the stage. */
export function GuestControls({ roomNumber, publishError }: { roomNumber: number; publishError: string | null }) {
  const { localParticipant, isMicrophoneEnabled, isCameraEnabled } = useLocalParticipant();
  const attributes = useParticipantAttributes(localParticipant);
  const micHeld = mutedByHost(attributes, "microphone");
  const cameraHeld = mutedByHost(attributes, "camera");
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  async function leave() {
    setLeaving(true);
    const result = await sendStageCommand(roomNumber, { op: "leave" });
    setLeaving(false);
    setError(result.ok ? null : result.message);
  }

  return (
    <div data-testid="guest-controls" className="space-y-2 rounded-lg border border-emerald-800 bg-emerald-950/40 p-3">
      <p className="text-sm font-medium text-emerald-300">You are on stage</p>
      <FormError message={publishError ?? error} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          data-testid="guest-mic-toggle"
          disabled={micHeld}
          onClick={() => void localParticipant.setMicrophoneEnabled(!isMicrophoneEnabled)}
        >
          {micHeld ? "Microphone muted by the host" : isMicrophoneEnabled ? "Mute microphone" : "Unmute microphone"}
        </Button>
        <Button
          variant="secondary"
          data-testid="guest-camera-toggle"
          disabled={cameraHeld}
          onClick={() => void localParticipant.setCameraEnabled(!isCameraEnabled)}
        >
          {cameraHeld ? "Camera turned off by the host" : isCameraEnabled ? "Turn camera off" : "Turn camera on"}
        </Button>
        <Button variant="danger" disabled={leaving} onClick={leave}>
          Leave the stage
        </Button>
      </div>
    </div>
  );
}
