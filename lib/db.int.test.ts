import { describe, expect, it } from "vitest";

// A zone far from UTC: Prisma's DateTime columns hold UTC, and preparedQuery must read them so.
process.env.TZ = "Asia/Shanghai";

const { db, preparedQuery } = await import("@/lib/db");
const { Prisma } = await import("@/lib/generated/prisma/client");

describe("preparedQuery", () => {
  it("reads timestamps as UTC, as Prisma does, whatever the machine's zone", async () => {
    const [row] = await preparedQuery<{ at: Date }>(Prisma.sql`SELECT ${"2026-12-03 10:00:00.123"}::timestamp AS "at"`);
    expect(row?.at.toISOString()).toBe("2026-12-03T10:00:00.123Z");
  });

  it("reads a row Prisma wrote as Prisma reads it back", async () => {
    const user = await db.user.create({ data: { email: `tz-${Date.now()}@example.test`, name: "TZ", passwordHash: "x", mutedUntil: new Date("2027-01-01T00:00:00Z") } });
    const [row] = await preparedQuery<{ mutedUntil: Date }>(Prisma.sql`SELECT "mutedUntil" FROM "User" WHERE "id" = ${user.id}`);
    expect(row?.mutedUntil.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    await db.user.delete({ where: { id: user.id } });
  });
});
