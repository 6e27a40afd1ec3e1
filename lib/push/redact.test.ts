import { describe, expect, it } from "vitest";
import { livekitRedactedUrl, maskPushUrl } from "./redact";

describe("livekitRedactedUrl (as Egress v1.8.6 reports stream URLs)", () => {
  it("keeps three characters of each end of a long key", () => {
    expect(livekitRedactedUrl("rtmp://127.0.0.1:1935/live/test-key-1")).toBe("rtmp://127.0.0.1:1935/live/{tes...y-1}");
    expect(livekitRedactedUrl("rtmp://127.0.0.1:1935/live/test-key")).toBe("rtmp://127.0.0.1:1935/live/{te...ey}");
    expect(livekitRedactedUrl("rtmps://a.b.c/app/x/secretkey123 live=1")).toBe("rtmps://a.b.c/app/x/{sec...123} live=1");
  });
  it("keeps fewer characters of short keys", () => {
    expect(livekitRedactedUrl("rtmp://h/app/abcdef")).toBe("rtmp://h/app/{ab...ef}");
    expect(livekitRedactedUrl("rtmp://h/app/abc")).toBe("rtmp://h/app/{a...c}");
    expect(livekitRedactedUrl("rtmp://h/app/ab")).toBe("rtmp://h/app/{...}");
  });
  it("leaves a URL without app and key as it is", () => {
    expect(livekitRedactedUrl("rtmp://h/key")).toBe("rtmp://h/key");
  });
});

describe("maskPushUrl", () => {
  it("shows scheme, host and app only", () => {
    expect(maskPushUrl("rtmps://live.example.com:443/app/very-secret")).toBe("rtmps://live.example.com:443/app/…");
  });
});
