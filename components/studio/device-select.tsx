"use client";

import { useMediaDevices } from "@livekit/components-react";

type Props = { kind: "videoinput" | "audioinput"; label: string; value: string; onChange: (deviceId: string) => void };

/** A plain <select> of the browser's cameras or microphones. */
export function DeviceSelect({ kind, label, value, onChange }: Props) {
  const devices = useMediaDevices({ kind });
  return (
    <label className="block space-y-1">
      <span className="text-sm text-zinc-300">{label}</span>
      <select
        name={kind}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full rounded border border-zinc-700 bg-zinc-900 px-3 py-2"
      >
        <option value="">Default</option>
        {devices.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${kind === "videoinput" ? "Camera" : "Microphone"} ${d.deviceId.slice(0, 6)}`}
          </option>
        ))}
      </select>
    </label>
  );
}
