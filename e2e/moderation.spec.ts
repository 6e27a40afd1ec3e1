import { expect } from "@playwright/test";
import { test } from "./support/test";
import { chatLine, expectChatMessage, sayInChat, sendChat } from "./support/chat";
import { query } from "./support/db";
import { goLive } from "./support/studio";
import { userPage } from "./support/users";

test.setTimeout(300_000);

async function storedTexts(roomNumber: number) {
  return query<{ text: string; deleted: boolean }>(
    `SELECT m.text, m."deletedAt" IS NOT NULL AS deleted FROM "ChatMessage" m JOIN "Show" s ON s.id = m."showId" WHERE s."roomNumber" = $1 ORDER BY m.id`,
    [roomNumber],
  );
}

test("moderation in the room: delete, word filter, mute, slow mode and reports, each seen from the user's side", async ({ browser }) => {
  const host = await userPage(browser, "Vj");
  const roomNumber = await goLive(host.page, "Moderated");
  const vic = await userPage(browser, "Vic");
  const obs = await userPage(browser, "Obi");
  for (const u of [vic, obs]) await u.page.goto(`/shows/${roomNumber}`);

  await test.step("the host deletes a message: gone for everyone, also from history", async () => {
    await sayInChat(vic.page, "buy cheap coins at spam.example");
    await expectChatMessage(obs.page, "buy cheap coins at spam.example");
    await chatLine(host.page, "buy cheap coins at spam.example").click();
    await host.page.getByRole("button", { name: "Delete message" }).click();
    for (const page of [host.page, vic.page, obs.page]) await expect(chatLine(page, "buy cheap coins at spam.example")).toHaveCount(0);
    await obs.page.reload();
    await expect(obs.page.getByRole("textbox", { name: "Chat message" })).toBeEnabled({ timeout: 15_000 });
    await expect(chatLine(obs.page, "buy cheap coins at spam.example")).toHaveCount(0);
    expect(await storedTexts(roomNumber)).toEqual([{ text: "buy cheap coins at spam.example", deleted: true }]);
  });

  await test.step("listed words are masked", async () => {
    await sendChat(vic.page, "what the fuck");
    // The sender's own copy is replaced by the stored, masked one.
    await expectChatMessage(vic.page, "what the ****");
    await expectChatMessage(obs.page, "what the ****");
    await expect(chatLine(obs.page, "what the fuck")).toHaveCount(0);
    expect((await storedTexts(roomNumber)).at(-1)).toEqual({ text: "what the ****", deleted: false });
  });

  await test.step("a muted viewer's next message is refused with the reason; unmuted, it goes through", async () => {
    await chatLine(host.page, "what the ****").click();
    await host.page.getByRole("button", { name: `Mute ${vic.user.name}` }).click();
    await expect(vic.page.getByTestId("chat-muted")).toHaveText("The host has muted you in this show.");
    await sendChat(vic.page, "can you hear me?");
    await expect(chatLine(vic.page, "can you hear me?").getByTestId("chat-refused")).toHaveText(
      "Not sent: The host has muted you in this show, so your messages are not sent.",
    );
    await sayInChat(host.page, "moving on");
    await expectChatMessage(obs.page, "moving on");
    await expect(chatLine(obs.page, "can you hear me?")).toHaveCount(0);

    await chatLine(host.page, "what the ****").click();
    await host.page.getByRole("button", { name: `Unmute ${vic.user.name}` }).click();
    await expect(vic.page.getByTestId("chat-muted")).toHaveCount(0);
    await sayInChat(vic.page, "thanks for unmuting");
    await expectChatMessage(obs.page, "thanks for unmuting");
    expect((await storedTexts(roomNumber)).map((m) => m.text)).not.toContain("can you hear me?");
  });

  await test.step("slow mode: one message per 10 s for viewers, the host is exempt", async () => {
    await host.page.getByLabel("Slow mode").selectOption("10");
    await expect(vic.page.getByTestId("chat-slow-mode")).toHaveText("Slow mode: one message every 10 s.");
    await sayInChat(vic.page, "slow one");
    await sendChat(vic.page, "slow two");
    await expect(chatLine(vic.page, "slow two").getByTestId("chat-refused")).toHaveText(
      /^Not sent: Slow mode is on: one message every 10 s\. Try again in \d+ s\.$/,
    );
    await sayInChat(host.page, "host one");
    await sayInChat(host.page, "host two");
    await expectChatMessage(obs.page, "host two");
    await expect(chatLine(obs.page, "slow two")).toHaveCount(0);
    expect((await storedTexts(roomNumber)).map((m) => m.text)).not.toContain("slow two");
    await host.page.getByLabel("Slow mode").selectOption("0");
    await expect(vic.page.getByTestId("chat-slow-mode")).toHaveCount(0);
  });

  await test.step("a viewer reports a message, another the show: thank you, stored for the operators", async () => {
    await chatLine(obs.page, "slow one").click();
    await obs.page.getByRole("button", { name: "Report message" }).click();
    const dialog = obs.page.getByTestId("report-dialog");
    await dialog.getByLabel("Spam").check();
    await dialog.getByLabel("Note (optional)").fill("keeps advertising");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByTestId("report-thanks")).toHaveText("Thank you. An operator will look at your report.");
    await dialog.getByRole("button", { name: "Close" }).click();

    await vic.page.getByRole("button", { name: "Report show" }).click();
    const showDialog = vic.page.getByTestId("report-dialog");
    await showDialog.getByLabel("False information").check();
    await showDialog.getByRole("button", { name: "Send report" }).click();
    await expect(showDialog.getByTestId("report-thanks")).toBeVisible();

    const reports = await query<{ reason: string; note: string | null; text: string | null; reporter: string; status: string; handledById: string | null }>(
      `SELECT r.reason::text AS reason, r.note, m.text, u.name AS reporter, r.status::text AS status, r."handledById"
         FROM "Report" r JOIN "Show" s ON s.id = r."showId" JOIN "User" u ON u.id = r."reporterId"
         LEFT JOIN "ChatMessage" m ON m.id = r."messageId" WHERE s."roomNumber" = $1 ORDER BY r."createdAt"`,
      [roomNumber],
    );
    expect(reports).toEqual([
      { reason: "SPAM", note: "keeps advertising", text: "slow one", reporter: obs.user.name, status: "OPEN", handledById: null },
      { reason: "FALSE_INFORMATION", note: null, text: null, reporter: vic.user.name, status: "OPEN", handledById: null },
    ]);
  });

  for (const u of [host, vic, obs]) await u.context.close();
});
