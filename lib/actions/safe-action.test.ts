import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";

vi.mock("@/lib/auth/session", () => ({ requireUser: vi.fn() }));

const { action } = await import("./safe-action");

describe("action chain", () => {
  const schema = z.object({ title: z.string().trim().min(1, "Give your show a title") });

  it("rejects bad input with field errors and never runs the rule", async () => {
    const run = vi.fn();
    const result = await action(schema, run)({ title: "   " });
    expect(run).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      error: { code: "VALIDATION", message: "Give your show a title", fields: { title: ["Give your show a title"] } },
    });
  });

  it("passes parsed input and maps domain errors to their code", async () => {
    const ok = await action(schema, async (input) => input.title)({ title: "  Hi " });
    expect(ok).toEqual({ ok: true, data: "Hi" });
    const failed = await action(schema, async () => {
      throw new AppError("ALREADY_LIVE", "You are already live in room 10001.");
    })({ title: "x" });
    expect(failed).toEqual({ ok: false, error: { code: "ALREADY_LIVE", message: "You are already live in room 10001." } });
  });

  it("hides unexpected errors behind a generic message", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failed = await action(schema, async () => {
      throw new Error("db password is hunter2");
    })({ title: "x" });
    expect(failed).toEqual({ ok: false, error: { code: "INTERNAL", message: "Something went wrong. Please try again." } });
    spy.mockRestore();
  });
});
