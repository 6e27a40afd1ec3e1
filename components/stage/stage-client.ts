import { z } from "zod";
import { type HostStage, hostStageSchema, type StageCommand } from "@/lib/stage/schema";

// The room pages' way to the stage route (app/api/shows/[roomNumber]/stage).

export type StageResult = { ok: true } | { ok: false; message: string };

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const UNREACHABLE = "Could not reach the server. Please try again.";

async function errorMessage(response: Response): Promise<string> {
  const parsed = errorSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.error.message : UNREACHABLE;
}

export async function sendStageCommand(roomNumber: number, command: StageCommand): Promise<StageResult> {
  try {
    const response = await fetch(`/api/shows/${roomNumber}/stage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(command),
    });
    return response.ok ? { ok: true } : { ok: false, message: await errorMessage(response) };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}

export async function fetchHostStage(roomNumber: number): Promise<HostStage | null> {
  try {
    const response = await fetch(`/api/shows/${roomNumber}/stage`, { cache: "no-store" });
    if (!response.ok) return null;
    const parsed = hostStageSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
