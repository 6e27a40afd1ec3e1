import { type Page, expect } from "@playwright/test";
import { expectVideoPlaying } from "./video";

/** Opens the studio, checks the camera preview, goes live; returns the room number. */
export async function goLive(page: Page, title: string): Promise<number> {
  await page.goto("/studio");
  await expectVideoPlaying(page.getByTestId("camera-preview"));
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Go live" }).click();
  await expect(page.getByTestId("live-status")).toHaveText("LIVE", { timeout: 15_000 });
  const text = await page.getByText(/^Room \d+$/).textContent();
  return Number(text?.replace("Room ", ""));
}
