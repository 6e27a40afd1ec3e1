import path from "node:path";
import { expect } from "@playwright/test";
import { test } from "./support/test";
import type * as LivekitClient from "livekit-client";
import { RoomServiceClient } from "livekit-server-sdk";
import { readStack } from "./support/stack";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

const livekitUmd = path.join(process.cwd(), "node_modules/livekit-client/dist/livekit-client.umd.js");

test("a viewer's token cannot publish: the SFU refuses it", async ({ browser }) => {
  const { livekit } = readStack();
  const host = await userPage(browser, "Publisher");
  const roomNumber = await goLive(host.page, "Only I publish");
  const viewer = await userPage(browser, "Sneaky");

  // The same token the watch page gets.
  const response = await viewer.page.request.post(`/api/shows/${roomNumber}/token`);
  expect(response.status()).toBe(200);
  const { token, serverUrl } = (await response.json()) as { token: string; serverUrl: string };

  await viewer.page.goto("/login");
  await viewer.page.addScriptTag({ path: livekitUmd });
  const attempts = await viewer.page.evaluate(
    async ({ serverUrl, token }) => {
      const lk = (window as unknown as { LivekitClient: typeof LivekitClient }).LivekitClient;
      const room = new lk.Room();
      await room.connect(serverUrl, token);
      const [track] = await lk.createLocalTracks({ video: true, audio: false });
      const outcome = async () => {
        try {
          await room.localParticipant.publishTrack(track!);
          return "published";
        } catch (e) {
          return `refused: ${(e as Error).message}`;
        }
      };
      const asIs = await outcome();
      // Pretend to the client library that we may publish, so the request reaches the SFU.
      Object.assign(room.localParticipant.permissions ?? {}, { canPublish: true, canPublishSources: [] });
      const forced = await outcome();
      return { asIs, forced, identity: room.localParticipant.identity };
    },
    { serverUrl, token },
  );
  expect(attempts.asIs).toMatch(/^refused/);
  expect(attempts.forced).toMatch(/^refused/);

  // And the server agrees: the viewer has no published tracks; the host has two.
  const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  const participants = await rooms.listParticipants(`show-${roomNumber}`);
  const viewerInfo = participants.find((p) => p.identity === attempts.identity);
  expect(viewerInfo?.tracks ?? []).toHaveLength(0);
  // (Hidden participants, e.g. screening's frame capture, are not the host.)
  expect(participants.find((p) => p.identity !== attempts.identity && !p.permission?.hidden)?.tracks.length).toBe(2);

  await host.page.getByRole("button", { name: "End show" }).click();
  await host.context.close();
  await viewer.context.close();
});
