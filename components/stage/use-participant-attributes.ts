"use client";

import { type Participant, ParticipantEvent } from "livekit-client";
import { useCallback, useSyncExternalStore } from "react";

type Snapshot = { key: string; value: Readonly<Record<string, string>> };

// `participant.attributes` is a fresh copy on every read: keep one per content, so React sees
// the same snapshot until the attributes really change.
const snapshots = new WeakMap<Participant, Snapshot>();

function snapshotOf(participant: Participant): Readonly<Record<string, string>> {
  const value = participant.attributes;
  const key = JSON.stringify(value);
  const cached = snapshots.get(participant);
  if (cached?.key === key) return cached.value;
  snapshots.set(participant, { key, value });
  return value;
}

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
  const read = () => snapshotOf(participant);
  return useSyncExternalStore(subscribe, read, read);
}
