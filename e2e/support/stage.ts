import { type BrowserContext, type Page, expect } from "@playwright/test";
import { RoomServiceClient } from "livekit-server-sdk";
import { query } from "./db";
import { readStack } from "./stack";

/** The studio's member list row of someone, by display name. */
export function memberRow(page: Page, name: string) {
  return page.getByTestId("member").filter({ hasText: name });
}

/** The host clicks "Invite on stage" next to the viewer in the studio's member list. */
export async function inviteOnStage(host: Page, viewerName: string) {
  await memberRow(host, viewerName).getByTestId("invite-on-stage").click();
}

/** The viewer sees the invite dialog and accepts it. */
export async function acceptInvite(viewer: Page) {
  const dialog = viewer.getByTestId("stage-invite");
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await dialog.getByRole("button", { name: "Accept" }).click();
}

/** Invite → accept → the server has seen the guest's camera and microphone published. */
export async function bringOnStage(host: Page, guest: Page, guestName: string) {
  await inviteOnStage(host, guestName);
  await acceptInvite(guest);
  await expect(guest.getByTestId("guest-controls")).toBeVisible({ timeout: 15_000 });
  await expect(host.getByTestId("stage-guest").filter({ hasText: guestName })).toHaveAttribute("data-on-stage", "true", {
    timeout: 20_000,
  });
}

/** The guest tile of someone on a page. */
export function guestTile(page: Page, name: string) {
  return page.getByTestId("guest-tile").filter({ hasText: name });
}

export function roomService(): RoomServiceClient {
  const { livekit } = readStack();
  return new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
}

/** What the SFU says about one user's connection(s) in a show's room. */
export async function participantsOf(roomNumber: number, userId: string) {
  const all = await roomService().listParticipants(`show-${roomNumber}`);
  return all.filter((p) => p.identity.split("~")[0] === userId);
}

export async function userIdOf(email: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** The LiveKit identity of the page's own connection (from its member list's "(you)" row). */
export async function ownIdentity(page: Page): Promise<string> {
  const own = page.getByTestId("member").filter({ hasText: "(you)" });
  await expect(own).toHaveCount(1, { timeout: 15_000 });
  const identity = await own.getAttribute("data-identity");
  if (!identity) throw new Error("no identity");
  return identity;
}

export type StageSeatRow = { identity: string; seat: number; exit: string | null; leftAt: Date | null; onStageAt: Date | null };

export async function seatsOf(roomNumber: number): Promise<StageSeatRow[]> {
  return query<StageSeatRow>(
    `SELECT s.identity, s.seat, s.exit::text AS exit, s."leftAt", s."onStageAt" FROM "StageSeat" s
       JOIN "Show" sh ON sh.id = s."showId" WHERE sh."roomNumber" = $1 ORDER BY s."grantedAt"`,
    [roomNumber],
  );
}

/** Posts one stage command as the page's logged-in user; returns status and body. */
export async function stageCommand(page: Page, roomNumber: number, command: Record<string, unknown>) {
  const response = await page.request.post(`/api/shows/${roomNumber}/stage`, { data: command });
  return { status: response.status(), body: (await response.json()) as { error?: { code: string; message: string } } };
}

/**
 * Makes the page's LiveKit Room object reachable as `window.__room`, found through React's
 * fiber tree from the member list (the test plays a browser that goes around the app's UI).
 */
export async function exposeRoom(page: Page) {
  await page.evaluate(() => {
    const el = document.querySelector("[data-testid=member-list]");
    if (!el) throw new Error("no member list");
    const key = Object.keys(el).find((k) => k.startsWith("__reactFiber$"));
    type Fiber = { memoizedProps?: { value?: unknown }; return: Fiber | null };
    let fiber = key ? ((el as unknown as Record<string, Fiber>)[key] ?? null) : null;
    while (fiber) {
      const value = fiber.memoizedProps?.value;
      if (value && typeof value === "object" && "localParticipant" in value && "engine" in value) {
        (window as unknown as { __room: unknown }).__room = value;
        return;
      }
      fiber = fiber.return;
    }
    throw new Error("no LiveKit room in the page");
  });
}

/**
 * The context's microphone "speaks": a steady tone instead of the fake device's short beeps
 * (which are too brief for LiveKit's speaker detection). `delayMs` holds getUserMedia back, as a
 * slow camera would.
 */
export async function speakingMicrophone(context: BrowserContext, delayMs = 0) {
  await context.addInitScript((delay) => {
    const media = navigator.mediaDevices;
    const open = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const stream = await open({ ...constraints, audio: false });
      if (constraints?.audio) {
        const audio = new AudioContext();
        const tone = audio.createOscillator();
        const out = audio.createMediaStreamDestination();
        tone.connect(out);
        tone.start();
        for (const track of out.stream.getAudioTracks()) stream.addTrack(track);
      }
      return stream;
    };
  }, delayMs);
}
