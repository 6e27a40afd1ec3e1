import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/settings", () => ({ getSetting: vi.fn(async () => false) }));

const { assertPushDestination, isPublicAddress } = await import("./destination");

describe("isPublicAddress", () => {
  it("accepts public unicast addresses", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "203.0.114.1", "2001:4860:4860::8888", "2a00:1450::1", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it("refuses loopback, private, link-local, multicast, unspecified, CGNAT, ULA and mapped forms", () => {
    const refused = [
      "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
      "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
      "255.255.255.255", "192.0.2.1", "198.18.0.1", "240.0.0.1",
      "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1",
      "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "::7f00:1",
      "64:ff9b::7f00:1", "2002:7f00:1::", "2001::1", "::ffff:0:7f00:1",
      "not an address", "",
    ];
    for (const address of refused) expect(isPublicAddress(address), address).toBe(false);
  });
});

describe("assertPushDestination", () => {
  const answers = (map: Record<string, string[]>) => async (host: string) => {
    const found = map[host];
    if (!found) throw new Error("ENOTFOUND");
    return found;
  };

  it("lets a host with only public addresses through", async () => {
    const resolve = answers({ "live.example.com": ["93.184.216.34", "2606:2800:220:1::1"] });
    await expect(assertPushDestination("rtmp://live.example.com/app/key", { resolve })).resolves.toBeUndefined();
  });

  it("refuses literal private addresses, in every spelling", async () => {
    for (const url of [
      "rtmp://127.0.0.1:5432/app/key",
      "rtmp://10.1.2.3/app/key",
      "rtmps://[::1]:443/app/key",
      "rtmp://[::ffff:127.0.0.1]/app/key",
      "rtmp://[fd00::1]/app/key",
      "rtmp://169.254.169.254/app/key",
      "rtmp://100.64.1.1/app/key",
      "rtmp://0.0.0.0/app/key",
      "rtmp://localhost/app/key",
      "rtmp://2130706433/app/key", // 127.0.0.1 as one number: refused once resolved
      "rtmp://0x7f.1/app/key",
    ]) {
      await expect(assertPushDestination(url), url).rejects.toMatchObject({ code: "VALIDATION", fields: { url: [expect.stringMatching(/not allowed/)] } });
    }
  });

  it("refuses a name if any of its addresses is private (DNS rebinding, split answers)", async () => {
    const resolve = answers({ "mixed.example": ["93.184.216.34", "10.0.0.5"], "inside.example": ["192.168.0.10"] });
    await expect(assertPushDestination("rtmp://mixed.example/app/key", { resolve })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(assertPushDestination("rtmp://inside.example/app/key", { resolve })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("says so when the host cannot be found", async () => {
    await expect(assertPushDestination("rtmp://nowhere.invalid/app/key", { resolve: answers({}) })).rejects.toThrow(/Could not find the push server nowhere\.invalid/);
  });

  it("allows private destinations only when the operator setting says so", async () => {
    await expect(assertPushDestination("rtmp://127.0.0.1:1935/live/key", { allowPrivate: true })).resolves.toBeUndefined();
  });
});
