"use client";

import { useLocalParticipant } from "@livekit/components-react";
import { useState } from "react";
import { useRoomEvents } from "@/components/room/use-room-events";
import { sendStageCommand } from "@/components/stage/stage-client";
import { Button } from "@/components/ui/button";

/** A viewer asks the host to go on stage, and can lower their hand again. */
export function RaiseHandButton({ roomNumber, onMessage }: { roomNumber: number; onMessage: (text: string | null) => void }) {
  const { localParticipant } = useLocalParticipant();
  const [raised, setRaised] = useState(false);
  const [busy, setBusy] = useState(false);

  useRoomEvents((event) => {
    if (event.type === "stage-hand-dismissed") {
      setRaised(false);
      onMessage("The host dismissed your raised hand.");
    }
  });

  async function toggle() {
    setBusy(true);
    onMessage(null);
    const result = await sendStageCommand(
      roomNumber,
      raised ? { op: "lower-hand" } : { op: "raise-hand", identity: localParticipant.identity },
    );
    setBusy(false);
    if (result.ok) setRaised(!raised);
    else onMessage(result.message);
  }

  return (
    <Button variant="secondary" data-testid="raise-hand" data-raised={raised} disabled={busy} onClick={toggle}>
      {raised ? "Lower hand" : "Raise hand to join the stage"}
    </Button>
  );
}
