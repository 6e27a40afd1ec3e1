import http from "node:http";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import sharp from "sharp";
import { tableCounts } from "./support/db";
import { readStack } from "./support/stack";
import { expectVideoPlaying } from "./support/video";
import { userPage } from "./support/users";

type Answer = { status: number; ms: number; sentBytes: number };

/**
 * POSTs to the webhook route and sends only `sendBytes` of the body, then waits: a server that
 * reads the whole body before answering never answers (the rest never comes).
 */
function partialPost(headers: http.OutgoingHttpHeaders, sendBytes: number): Promise<Answer> {
  const url = new URL("/api/livekit/webhook", readStack().appUrl);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let sentBytes = 0;
    const request = http.request(url, { method: "POST", headers }, (response) => {
      resolve({ status: response.statusCode ?? 0, ms: Date.now() - started, sentBytes });
      response.resume();
      request.destroy();
    });
    request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
    request.setTimeout(10_000, () => {
      request.destroy();
      reject(new Error(`no answer within 10 s after sending ${sentBytes} bytes`));
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (sentBytes < sendBytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
    };
    pump();
  });
}

test("the webhook refuses unsigned and oversized bodies before reading them", async ({ request }) => {
  const fiftyMb = 50 * 1024 * 1024;
  // Declared 50 MB, 1 MB sent: refused at once, whether signed or not.
  const unsigned = await partialPost({ "content-type": "application/webhook+json", "content-length": fiftyMb }, 1024 * 1024);
  expect(unsigned.status).toBe(401);
  const declared = await partialPost(
    { "content-type": "application/webhook+json", "content-length": fiftyMb, authorization: "Bearer not.a.jwt" },
    1024 * 1024,
  );
  expect(declared.status).toBe(413);
  // No length declared (chunked): reading stops just past the 1 MB cap.
  const chunked = await partialPost({ "content-type": "application/webhook+json", "transfer-encoding": "chunked", authorization: "Bearer not.a.jwt" }, 3 * 1024 * 1024);
  expect(chunked.status).toBe(413);
  console.log(`webhook: 50 MB declared → ${declared.status} in ${declared.ms} ms; chunked → ${chunked.status} in ${chunked.ms} ms`);
  for (const answer of [unsigned, declared, chunked]) expect(answer.ms).toBeLessThan(5_000);

  // A small forged body is still a plain 401 (signature checked), and the app is fine.
  const forged = await request.post("/api/livekit/webhook", { data: "{}", headers: { authorization: "Bearer not.a.jwt" } });
  expect(forged.status()).toBe(401);
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a cover of more than ~16 megapixels is refused (however small the file) and nothing is stored", async ({ browser }) => {
  const huge = await sharp({ create: { width: 5000, height: 4000, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer();
  expect(huge.length).toBeLessThan(1024 * 1024);
  const host = await userPage(browser, "BigCover");
  await host.page.goto("/studio");
  await expectVideoPlaying(host.page.getByTestId("camera-preview"));
  const before = await tableCounts({ except: ["User"] });
  await host.page.getByLabel("Title").fill("Too many pixels");
  await host.page.getByLabel("Cover image (optional)").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: huge });
  await host.page.getByRole("button", { name: "Go live" }).click();
  await expect(host.page.getByTestId("form-error")).toHaveText("Cover must be at most 16 megapixels (e.g. 4096×4096).");
  expect(await tableCounts({ except: ["User"] })).toEqual(before);
  await expect(host.page.getByTestId("live-status")).toHaveCount(0);
  await host.context.close();
});
