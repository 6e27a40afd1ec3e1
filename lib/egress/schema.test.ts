import { describe, expect, it } from "vitest";
import { rtmpUrlSchema, startBroadcastSchema } from "@/lib/egress/schema";

describe("rtmpUrlSchema", () => {
  it("accepts rtmp and rtmps URLs with a stream path", () => {
    expect(rtmpUrlSchema.safeParse("rtmp://127.0.0.1:1935/live/key").success).toBe(true);
    expect(rtmpUrlSchema.safeParse(" rtmps://live.example.com/app/abc ").success).toBe(true);
  });

  it("refuses other schemes, missing paths and garbage", () => {
    for (const url of ["http://example.com/live/x", "file:///etc/passwd", "rtmp://example.com", "rtmp://", "not a url", "srt://h/x"]) {
      expect(rtmpUrlSchema.safeParse(url).success, url).toBe(false);
    }
  });

  it("requires a URL only for RTMP", () => {
    expect(startBroadcastSchema.safeParse({ roomNumber: 10001, kind: "HLS" }).success).toBe(true);
    expect(startBroadcastSchema.safeParse({ roomNumber: 10001, kind: "RTMP" }).success).toBe(false);
    expect(startBroadcastSchema.safeParse({ roomNumber: 10001, kind: "GIF" }).success).toBe(false);
  });
});
