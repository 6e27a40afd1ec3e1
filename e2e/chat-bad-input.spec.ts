import { expect } from "@playwright/test";
import { test } from "./support/test";
import { callAction, chatActions, likeActions, moderationActions } from "./support/actions";
import { allChatMessages, chatLine, expectChatMessage, sayInChat, sendChat } from "./support/chat";
import { query, tableCounts } from "./support/db";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test.setTimeout(300_000);

// Presence rows change on their own while people watch; everything else must not move.
const counts = () => tableCounts({ except: ["ParticipantSession", "WebhookDelivery"] });

test("bad chat input and abuse: a clear message, nothing stored, nothing broadcast", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, "Bad input");
  const vic = await userPage(browser, "Vic");
  const obs = await userPage(browser, "Obi");
  for (const u of [vic, obs]) await u.page.goto(`/shows/${roomNumber}`);
  await sayInChat(host.page, "the host speaks");
  await expectChatMessage(vic.page, "the host speaks");
  const [hostMessage] = await query<{ id: number }>(`SELECT id FROM "ChatMessage" WHERE text = 'the host speaks'`);
  const before = await counts();
  const at = `/shows/${roomNumber}`;
  const send = (arg: unknown) => callAction(vic.page, at, chatActions, "sendChatAction", arg);

  await test.step("the form refuses empty, whitespace-only, control-only and over-long messages itself", async () => {
    const input = vic.page.getByRole("textbox", { name: "Chat message" });
    await vic.page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(vic.page.getByTestId("chat-hint")).toHaveText("Type a message first");
    await sendChat(vic.page, "     ");
    await expect(vic.page.getByTestId("chat-hint")).toHaveText("Type a message first");
    await sendChat(vic.page, "\u0007\u0007");
    await expect(vic.page.getByTestId("chat-hint")).toHaveText("That message has no visible text");
    await sendChat(vic.page, "x".repeat(201));
    await expect(vic.page.getByTestId("chat-hint")).toHaveText("Messages can be at most 200 characters");
    await expect(input).toHaveValue("x".repeat(201)); // kept, so it can be shortened
  });

  await test.step("the server refuses them too, and anything that is not text", async () => {
    const cases: [unknown, string][] = [
      ["", "Type a message first"],
      [" \n\t ", "Type a message first"],
      ["\u0000\u0007\u001b\u202e", "That message has no visible text"],
      ["x".repeat(201), "Messages can be at most 200 characters"],
      ["y".repeat(100_000), "Messages can be at most 200 characters"],
      [42, "A message must be text"],
      [["hi"], "A message must be text"],
      [null, "A message must be text"],
    ];
    for (const [text, message] of cases) {
      expect(await send({ roomNumber, text })).toEqual({ ok: false, error: expect.objectContaining({ code: "VALIDATION", message }) });
    }
    expect(await send("hello")).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });

  await test.step("no such show", async () => {
    expect(await send({ roomNumber: 99_999, text: "anyone?" })).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "There is no show in room 99999." },
    });
  });

  await test.step("a viewer may not delete someone else's message, mute, or set slow mode", async () => {
    expect(await callAction(vic.page, at, moderationActions, "deleteMessageAction", { roomNumber, messageId: hostMessage!.id })).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "Only the host or an operator can delete messages." },
    });
    expect(await callAction(vic.page, at, moderationActions, "muteAction", { roomNumber, userId: host.user.email, muted: true })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: "Only the host or an operator can mute viewers." },
    });
    expect(await callAction(vic.page, at, moderationActions, "slowModeAction", { roomNumber, seconds: 60 })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: "Only the host or an operator can set slow mode." },
    });
    await expect(chatLine(obs.page, "the host speaks")).toHaveCount(1);
  });

  await test.step("the host cannot be muted, even by the host", async () => {
    const [hostRow] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [host.user.email]);
    expect(await callAction(host.page, at, moderationActions, "muteAction", { roomNumber, userId: hostRow!.id, muted: true })).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: `${host.user.name} cannot be muted in this show.` },
    });
  });

  await test.step("reports need one of the five reasons", async () => {
    const report = (arg: unknown) => callAction(obs.page, at, moderationActions, "reportAction", arg);
    expect(await report({ target: "show", roomNumber, reason: "BORING" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: "Choose one of the five reasons" },
    });
    expect(await report({ target: "message", roomNumber, reason: "SPAM" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await report({ target: "message", roomNumber, messageId: 2_000_000, reason: "SPAM" })).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "That message is no longer there." },
    });
    expect(await callAction(host.page, at, moderationActions, "reportAction", { target: "show", roomNumber, reason: "SPAM" })).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "You cannot report your own show." },
    });
  });

  await test.step("nothing of it was stored or sent to the room", async () => {
    expect(await counts()).toEqual(before);
    await sayInChat(host.page, "sentinel");
    await expectChatMessage(obs.page, "sentinel");
    expect((await allChatMessages(obs.page)).map((m) => m.text)).toEqual(["the host speaks", "sentinel"]);
  });

  await test.step("who sent it comes from the session: a forged author or badge is ignored", async () => {
    const [hostRow] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [host.user.email]);
    const forged = { roomNumber, text: "who am I?", userId: hostRow!.id, user: { id: hostRow!.id, name: host.user.name }, badge: "HOST" };
    expect(await send(forged)).toMatchObject({ ok: true });
    await expectChatMessage(obs.page, "who am I?");
    await expect(chatLine(obs.page, "who am I?").getByTestId("chat-author")).toHaveText(vic.user.name);
    await expect(chatLine(obs.page, "who am I?").getByTestId("chat-badge")).toHaveCount(0);
    const rows = await query<{ email: string; badge: string | null }>(
      `SELECT u.email, m.badge::text AS badge FROM "ChatMessage" m JOIN "User" u ON u.id = m."userId" WHERE m.text = 'who am I?'`,
    );
    expect(rows).toEqual([{ email: vic.user.email, badge: null }]);
  });

  await test.step("too fast: past the limit a message is refused with 'try again in N s', from the user's side too", async () => {
    // Obi has sent nothing yet, so the whole limit (40 per 10 s window in the test profile) is
    // theirs. All at once; a machine slow enough to spread them over more than one window
    // allows 40 more per window touched.
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 45 }, (_, i) => callAction(obs.page, at, chatActions, "sendChatAction", { roomNumber, text: `burst ${i}` })),
    );
    const windows = Math.floor((Date.now() - started) / 10_000) + 1;
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBeLessThanOrEqual(Math.min(40 * windows, 44));
    if (windows === 1) expect(accepted).toBe(40);
    for (const refusal of results.filter((r) => !r.ok)) {
      expect(refusal).toEqual({ ok: false, error: { code: "RATE_LIMITED", message: expect.stringMatching(/^Sending messages too fast\. Try again in \d+ s\.$/) } });
    }
    // The form's message must come well inside a used-up window (typing and sending can take
    // seconds on a loaded machine, and the burst's window may be about to end): wait for a fresh
    // window (a message accepted again), use it up at once, then send from the form.
    const topUp = (i: number) => callAction(obs.page, at, chatActions, "sendChatAction", { roomNumber, text: `top-up ${i}` });
    let next = 0;
    await expect.poll(async () => (await topUp(next++)).ok, { timeout: 20_000, intervals: [250] }).toBe(true);
    await Promise.all(Array.from({ length: 40 }, () => topUp(next++)));
    await sendChat(obs.page, "one too many");
    await expect(chatLine(obs.page, "one too many").getByTestId("chat-refused")).toHaveText(
      /^Not sent: Sending messages too fast\. Try again in \d+ s\.$/,
    );
    const stored = await query<{ n: string }>(`SELECT count(*)::text AS n FROM "ChatMessage" WHERE text = 'one too many'`);
    expect(stored[0]?.n).toBe("0");
  });

  await test.step("an ended show takes no messages and no hearts", async () => {
    await host.page.getByRole("button", { name: "End show" }).click();
    await expect(host.page.getByTestId("stat-messages")).toBeVisible();
    const after = await counts();
    expect(await send({ roomNumber, text: "hello?" })).toEqual({
      ok: false,
      error: { code: "SHOW_ENDED", message: "This show has ended, so its chat is closed." },
    });
    expect(await callAction(vic.page, at, likeActions, "sendHeartAction", { roomNumber })).toMatchObject({ ok: false, error: { code: "SHOW_ENDED" } });
    expect(await counts()).toEqual(after);
  });

  for (const u of [host, vic, obs]) await u.context.close();
});
