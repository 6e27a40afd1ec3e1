import { describe, expect, it } from "vitest";
import { addDestinationSchema, rtmpUrlSchema, startHlsPushSchema, stopDestinationSchema } from "@/lib/push/schema";

describe("rtmpUrlSchema", () => {
  it("accepts rtmp and rtmps URLs with a stream path", () => {
    expect(rtmpUrlSchema.safeParse("rtmp://127.0.0.1:1935/live/key").success).toBe(true);
    expect(rtmpUrlSchema.safeParse(" rtmps://live.example.com/app/abc ").success).toBe(true);
  });

  it("refuses other schemes, missing paths and garbage", () => {
    for (const url of ["http://example.com/live/x", "file:///etc/passwd", "rtmp://example.com", "rtmp://", "not a url", "srt://h/x", `rtmp://h/${"a".repeat(2050)}`]) {
      expect(rtmpUrlSchema.safeParse(url).success, url.slice(0, 40)).toBe(false);
    }
  });

  it("needs a URL for a destination and a well-formed id to stop one", () => {
    expect(addDestinationSchema.safeParse({ roomNumber: 10001 }).success).toBe(false);
    expect(stopDestinationSchema.safeParse({ roomNumber: 10001, destinationId: "../../x" }).success).toBe(false);
    expect(stopDestinationSchema.safeParse({ roomNumber: 10001, destinationId: "cmabc1234567890abcdefghij" }).success).toBe(true);
  });
});

describe("the stream picture", () => {
  it("is camera only unless the host asks for the overlay, and only a boolean", () => {
    expect(startHlsPushSchema.parse({ roomNumber: 10001 }).overlay).toBe(false);
    expect(startHlsPushSchema.parse({ roomNumber: 10001, overlay: true }).overlay).toBe(true);
    expect(addDestinationSchema.parse({ roomNumber: 10001, url: "rtmp://h/live/k", overlay: true }).overlay).toBe(true);
    expect(startHlsPushSchema.safeParse({ roomNumber: 10001, overlay: "yes" }).success).toBe(false);
  });
});
