"use client";

import { useCallback, useSyncExternalStore } from "react";

// Remembered per browser. Off unless the viewer turns it on: the picture comes first.
const KEY = "suixin.danmaku";
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener); // other tabs
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === "on";
  } catch {
    return false; // storage blocked
  }
}

export function useDanmakuSetting(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((value: boolean) => {
    try {
      localStorage.setItem(KEY, value ? "on" : "off");
    } catch {
      // storage blocked: the switch still works until the page closes
    }
    for (const listener of listeners) listener();
  }, []);
  return [on, set];
}
