"use client";

import { usePreviewTracks } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useEffect, useMemo, useRef, useState } from "react";

export type DeviceChoice = { videoDeviceId: string; audioDeviceId: string };

/** Local camera + mic preview before going live (tracks are released on unmount). */
export function CameraPreview({ devices }: { devices: DeviceChoice }) {
  const [error, setError] = useState<string | null>(null);
  const options = useMemo(
    () => ({
      video: devices.videoDeviceId ? { deviceId: devices.videoDeviceId } : true,
      audio: devices.audioDeviceId ? { deviceId: devices.audioDeviceId } : true,
    }),
    [devices.videoDeviceId, devices.audioDeviceId],
  );
  const tracks = usePreviewTracks(options, (e) => setError(e.message));
  const videoTrack = tracks?.find((t) => t.kind === Track.Kind.Video);
  const videoEl = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const el = videoEl.current;
    if (!el || !videoTrack) return;
    videoTrack.attach(el);
    return () => {
      videoTrack.detach(el);
    };
  }, [videoTrack]);

  return (
    <div className="relative aspect-video overflow-hidden rounded-lg bg-black">
      <video ref={videoEl} data-testid="camera-preview" muted playsInline className="h-full w-full -scale-x-100 object-contain" />
      {error ? (
        <p role="alert" className="absolute inset-0 flex items-center justify-center p-4 text-center text-red-300">
          Camera or microphone unavailable: {error}
        </p>
      ) : null}
    </div>
  );
}
