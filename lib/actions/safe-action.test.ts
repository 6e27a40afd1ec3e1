import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const requireUser = vi.fn();
vi.mock("@/lib/auth/session", () => ({ requireUser, requireUserOrRedirect: vi.fn() }));
vi.mock("next/navigation", () => ({ forbidden: vi.fn() }));

const { action, operatorAction } = await import("./safe-action");

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

describe("operator actions", () => {
  const schema = z.object({ title: z.string().min(1) });

  it("refuse visitors (401) and users (403) before looking at the input", async () => {
    const run = vi.fn();
    requireUser.mockRejectedValueOnce(new AppError("UNAUTHENTICATED", "Please log in first."));
    expect(await operatorAction("admin.show.end", schema, run)({ title: "" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    requireUser.mockResolvedValueOnce({ id: "u1", role: "USER" });
    expect(await operatorAction("admin.show.end", schema, run)({ title: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(run).not.toHaveBeenCalled();
  });

  it("run with the operator from the session once the input parses", async () => {
    const operator = { id: "op1", role: "OPERATOR" };
    requireUser.mockResolvedValue(operator);
    const run = vi.fn(async (input: { title: string }, user: unknown) => ({ input, user }));
    expect(await operatorAction("admin.show.end", schema, run)({ title: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await operatorAction("admin.show.end", schema, run)({ title: "x" })).toEqual({ ok: true, data: { input: { title: "x" }, user: operator } });
  });
});
