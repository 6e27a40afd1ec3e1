"use client";

import { useDataChannel } from "@livekit/components-react";
import { useEffect, useRef } from "react";
import { parseShowEvent, SHOW_TOPIC, type ShowEvent } from "@/lib/shows/events";

/** Calls `onEvent` for every server-sent show event that parses (anything else is dropped). */
export function useShowEvents(onEvent: (event: ShowEvent) => void) {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  useDataChannel(SHOW_TOPIC, (message) => {
    const event = parseShowEvent(message.payload);
    if (event) handler.current(event);
  });
}
