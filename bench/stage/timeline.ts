// Code that runs inside the pages (serialized by Playwright): nothing from this module's scope.
// A timeline of what the browser does around going on stage, from browser APIs only (the app is
// not instrumented): LiveKit signal messages by kind, camera/microphone opening, peer-connection
// negotiation and incoming tracks. Epoch milliseconds, as the other probes.

export type TimelineMark = [label: string, at: number];

/** A long task of the page's main thread (≥ 50 ms, the browser's definition): start and duration. */
export type LongTask = [at: number, duration: number];

/** Init script: records marks into `window.__timeline` and long tasks into `window.__longTasks` (the bench empties both before each run). */
export function installTimeline(): void {
  const w = window as unknown as { __timeline: TimelineMark[]; __longTasks: LongTask[] };
  const now = (): number => performance.timeOrigin + performance.now();
  w.__timeline = [];
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push([performance.timeOrigin + entry.startTime, entry.duration]);
  }).observe({ type: "longtask" });
  const mark = (label: string): void => {
    w.__timeline.push([label, now()]);
  };

  // Field numbers of livekit.SignalRequest / SignalResponse (the oneof "message"), the ones that matter here.
  const OUT: Record<number, string> = { 1: "offer", 2: "answer", 3: "trickle", 4: "add_track", 5: "mute", 6: "subscription", 7: "track_setting", 10: "update_layers", 12: "sync_state" };
  const IN: Record<number, string> = {
    1: "join", 2: "answer", 3: "offer", 4: "trickle", 5: "update", 6: "track_published", 9: "mute", 10: "speakers_changed",
    11: "room_update", 12: "connection_quality", 13: "stream_state_update", 14: "subscribed_quality_update", 15: "subscription_permission_update", 16: "refresh_token", 17: "track_unpublished", 18: "pong", 20: "pong_resp",
    21: "subscription_response", 22: "request_response", 23: "track_subscribed", 25: "media_sections_requirement",
  };
  const QUIET = new Set(["trickle", "connection_quality", "speakers_changed", "pong", "pong_resp", "room_update"]);
  const fieldOf = (data: unknown): number | undefined => {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    if (!bytes || bytes.length === 0) return undefined;
    let tag = 0;
    for (let i = 0, shift = 0; i < 5 && i < bytes.length; i++, shift += 7) {
      const byte = bytes[i] ?? 0;
      tag |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
    }
    return tag >> 3;
  };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener("message", (event: MessageEvent) => {
        const field = fieldOf(event.data);
        const name = field === undefined ? undefined : (IN[field] ?? `#${field}`);
        if (name && !QUIET.has(name)) mark(`ws< ${name}`);
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const field = fieldOf(data);
      const name = field === undefined ? undefined : OUT[field];
      if (name && !QUIET.has(name)) mark(`ws> ${name}`);
      super.send(data);
    }
  };

  const media = navigator.mediaDevices;
  const getUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    mark("getUserMedia start");
    const stream = await getUserMedia(constraints);
    mark("getUserMedia done");
    return stream;
  };

  const NativePeer = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeer {
    constructor(config?: RTCConfiguration) {
      super(config);
      mark("pc created");
      this.addEventListener("track", (event: RTCTrackEvent) => mark(`pc track ${event.track.kind}`));
      this.addEventListener("connectionstatechange", () => mark(`pc ${this.connectionState}`));
    }
  };
  const proto = NativePeer.prototype;
  // The one-argument (promise) forms, which is what LiveKit calls.
  const setLocal: (this: RTCPeerConnection, description?: RTCLocalSessionDescriptionInit) => Promise<void> = proto.setLocalDescription;
  proto.setLocalDescription = function (this: RTCPeerConnection, description?: RTCLocalSessionDescriptionInit) {
    mark(`pc setLocal ${description?.type ?? "auto"}`);
    return setLocal.call(this, description);
  } as typeof proto.setLocalDescription;
  const setRemote: (this: RTCPeerConnection, description: RTCSessionDescriptionInit) => Promise<void> = proto.setRemoteDescription;
  proto.setRemoteDescription = function (this: RTCPeerConnection, description: RTCSessionDescriptionInit) {
    mark(`pc setRemote ${description.type}`);
    return setRemote.call(this, description);
  } as typeof proto.setRemoteDescription;
  const addTransceiver = proto.addTransceiver;
  proto.addTransceiver = function (this: RTCPeerConnection, track: MediaStreamTrack | string, init?: RTCRtpTransceiverInit) {
    mark(`pc addTransceiver ${typeof track === "string" ? track : track.kind}`);
    return addTransceiver.call(this, track, init);
  } as typeof proto.addTransceiver;
}
