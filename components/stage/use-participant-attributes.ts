"use client";

import { type Participant, ParticipantEvent } from "livekit-client";
import { useCallback, useSyncExternalStore } from "react";

/** A participant's attributes (set by the server), re-rendering when they change. */
export function useParticipantAttributes(participant: Participant): Readonly<Record<string, string>> {
  const subscribe = useCallback(
    (onChange: () => void) => {
      participant.on(ParticipantEvent.AttributesChanged, onChange);
      return () => {
        participant.off(ParticipantEvent.AttributesChanged, onChange);
      };
    },
    [participant],
  );
  const read = () => participant.attributes;
  return useSyncExternalStore(subscribe, read, read);
}
