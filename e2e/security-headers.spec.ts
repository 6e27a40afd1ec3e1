import fs from "node:fs";
import { type Page, expect } from "@playwright/test";
import { test } from "./support/test";
import { stackProcesses, uidOf } from "./support/processes";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";
import { expectVideoPlaying } from "./support/video";

/** Collects what the page's Content-Security-Policy blocks (and console reports of it). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      void (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) seen.push(message.text());
  });
  return seen;
}

function directive(csp: string | undefined, name: string): string[] {
  const found = (csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).find((d) => d[0] === name);
  return found?.slice(1) ?? [];
}

test("pages and API answers carry the security headers", async ({ request }) => {
  const { livekit } = readStack();
  const livekitHttp = livekit.wsUrl.replace(/^ws/, "http");
  for (const url of ["/", "/login", "/register", "/studio", "/shows/10001", "/api/shows", "/api/covers/none.webp", "/api/health"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("same-origin");
    expect(headers["x-frame-options"], url).toBe("DENY");
    const csp = headers["content-security-policy"];
    expect(directive(csp, "frame-ancestors"), url).toEqual(["'none'"]);
    expect(directive(csp, "object-src"), url).toEqual(["'none'"]);
    expect(directive(csp, "connect-src"), url).toEqual(["'self'", livekit.wsUrl, livekitHttp]);
    expect(directive(csp, "script-src"), url).not.toContain("'unsafe-eval'");
  }
  // The composite page Egress records may talk to our LiveKit server only…
  const composite = await request.get(`/egress/layout?url=${encodeURIComponent(livekit.wsUrl)}&token=a.b.c`);
  expect(directive(composite.headers()["content-security-policy"], "connect-src")).toEqual([livekit.wsUrl, livekitHttp]);
  // …and refuses to be pointed at another one.
  const elsewhere = await request.get(`/egress/layout?url=${encodeURIComponent("wss://evil.example")}&token=a.b.c`);
  expect(await elsewhere.text()).toContain("This page is opened by the recording service only.");
});

test("under that policy the app still works: go live, watch with video, HLS plays; nothing is blocked", async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await userPage(browser, "Csp");
  const hostViolations = await watchViolations(host.page);
  const roomNumber = await goLive(host.page, `CSP show ${Date.now()}`);

  const viewer = await userPage(browser, "CspViewer");
  const viewerViolations = await watchViolations(viewer.page);
  await viewer.page.goto("/");
  await viewer.page.locator("[data-testid=show-card]", { hasText: `room ${roomNumber}` }).click();
  await expectVideoPlaying(viewer.page.getByTestId("host-video"));

  await host.page.getByRole("button", { name: "Start HLS stream" }).click();
  await expect(host.page.getByTestId("broadcast-HLS")).toHaveAttribute("data-status", "ACTIVE", { timeout: 45_000 });
  const visitor = await browser.newContext();
  const hls = await visitor.newPage();
  const hlsViolations = await watchViolations(hls);
  await hls.goto(`/shows/${roomNumber}/hls`);
  await expect(hls.getByTestId("hls-video")).toHaveAttribute("data-state", "playing", { timeout: 90_000 });
  await expect.poll(() => hls.getByTestId("hls-video").evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 45_000 }).toBeGreaterThan(1);

  // The composite is rendered by Egress's Chromium: as the service user, and sandboxed when the
  // kernel allows it (its renderers then live in user namespaces of their own).
  const { security } = readStack();
  const chromium = stackProcesses().filter((p) => /chrom/.test(p.cmdline.split(" ")[0] ?? ""));
  expect(chromium.length).toBeGreaterThan(0);
  if (process.getuid?.() === 0) for (const p of chromium) expect(p.uid, p.cmdline).toBe(uidOf("suixin"));
  if (security.chromeSandbox) {
    for (const p of chromium) expect(p.cmdline).not.toContain("--no-sandbox");
    const renderers = chromium.filter((p) => p.cmdline.includes("--type=renderer"));
    expect(renderers.length).toBeGreaterThan(0);
    const ownNamespace = fs.readlinkSync("/proc/self/ns/user");
    for (const p of renderers) expect(fs.readlinkSync(`/proc/${p.pid}/ns/user`)).not.toBe(ownNamespace);
  }

  // Another site cannot frame the app.
  const framer = await visitor.newPage();
  await framer.setContent(`<iframe src="${readStack().appUrl}/login"></iframe>`);
  await expect.poll(() => framer.frames().length).toBe(2);
  await expect.poll(() => framer.frames()[1]?.url() ?? "").toMatch(/^chrome-error:|^about:blank/);

  expect(hostViolations).toEqual([]);
  expect(viewerViolations).toEqual([]);
  expect(hlsViolations).toEqual([]);
  await host.page.getByRole("button", { name: "End show" }).click();
  await expect(host.page).toHaveURL(new RegExp(`/studio/ended/${roomNumber}$`));
  await visitor.close();
  await viewer.context.close();
  await host.context.close();
});
