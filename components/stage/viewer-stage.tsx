"use client";

import type { LocalTrack } from "livekit-client";
import { useCallback, useRef, useState } from "react";
import { GuestControls } from "@/components/stage/guest-controls";
import { InviteDialog } from "@/components/stage/invite-dialog";
import { RaiseHandButton } from "@/components/stage/raise-hand-button";
import { openCameraAndMic, useGuestPublishing } from "@/components/stage/use-guest-publishing";

/** The stage from a viewer's seat: invites, raising a hand, and a guest's own controls. */
export function ViewerStage({ roomNumber }: { roomNumber: number }) {
  const preparedRef = useRef<Promise<LocalTrack[]> | null>(null);
  const { isGuest, error } = useGuestPublishing(preparedRef);
  const [message, setMessage] = useState<string | null>(null);

  const onAccepting = useCallback(() => {
    preparedRef.current ??= openCameraAndMic();
  }, []);
  const onAcceptFailed = useCallback(() => {
    const opening = preparedRef.current;
    preparedRef.current = null;
    void opening?.then((tracks) => tracks.forEach((t) => t.stop())).catch(() => undefined);
  }, []);
  const onExpired = useCallback((hostName: string) => setMessage(`The invite from ${hostName} has expired.`), []);

  return (
    <section data-testid="viewer-stage" className="space-y-2">
      <InviteDialog roomNumber={roomNumber} onAccepting={onAccepting} onAcceptFailed={onAcceptFailed} onExpired={onExpired} />
      {isGuest ? <GuestControls roomNumber={roomNumber} publishError={error} /> : <RaiseHandButton roomNumber={roomNumber} onMessage={setMessage} />}
      {message && !isGuest ? (
        <p data-testid="stage-message" className="text-sm text-zinc-400">
          {message}
        </p>
      ) : null}
    </section>
  );
}
