"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useRoomEvents } from "@/components/room/use-room-events";
import { fetchHostStage, sendStageCommand } from "@/components/stage/stage-client";
import type { HostStage, StageCommand } from "@/lib/stage/schema";

type HostStageContextValue = {
  stage: HostStage | null;
  error: string | null;
  busy: boolean;
  run: (command: StageCommand) => Promise<void>;
};

const HostStageContext = createContext<HostStageContextValue | null>(null);

export function useHostStage(): HostStageContextValue {
  const value = useContext(HostStageContext);
  if (!value) throw new Error("useHostStage outside HostStageProvider");
  return value;
}

/**
 * The stage as the studio knows it: fetched from the server at start, again whenever the server
 * says it changed (invite answered or expired, hand raised, guest joined or left), and after
 * each of the host's own commands.
 */
export function HostStageProvider({ roomNumber, children }: { roomNumber: number; children: React.ReactNode }) {
  const [stage, setStage] = useState<HostStage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const call = ++latest.current;
    const next = await fetchHostStage(roomNumber);
    if (next && call === latest.current) setStage(next); // answers can overtake each other
  }, [roomNumber]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useRoomEvents((event) => {
    if (event.type.startsWith("stage-")) void refresh();
  });

  const run = useCallback(
    async (command: StageCommand) => {
      setBusy(true);
      const result = await sendStageCommand(roomNumber, command);
      setError(result.ok ? null : result.message);
      setBusy(false);
      await refresh();
    },
    [roomNumber, refresh],
  );

  const value = useMemo(() => ({ stage, error, busy, run }), [stage, error, busy, run]);
  return <HostStageContext.Provider value={value}>{children}</HostStageContext.Provider>;
}
