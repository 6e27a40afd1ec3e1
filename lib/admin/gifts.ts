import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/admin/audit";
import type { createGiftSchema, retireGiftSchema, updateGiftSchema } from "@/lib/admin/schema";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Paged, paged } from "@/lib/paging";

// The gift catalog, edited by operators. A gift is never deleted (its sends are history); it is
// retired instead, which takes it off the shelf. Sends check price and retirement in their own
// transaction, and the shelf's cache (lib/gifts/catalog.ts) catches up within a second.

export const GIFTS_PER_PAGE = 50;

const catalogSelect = { id: true, name: true, price: true, icon: true, animation: true, sortOrder: true, retiredAt: true, _count: { select: { events: true } } } as const;

export async function listCatalog(page: number): Promise<Paged<Prisma.GiftGetPayload<{ select: typeof catalogSelect }>>> {
  const [rows, total] = await Promise.all([
    db.gift.findMany({ orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { price: "asc" }], skip: (page - 1) * GIFTS_PER_PAGE, take: GIFTS_PER_PAGE, select: catalogSelect }),
    db.gift.count(),
  ]);
  return paged(rows, total, page, GIFTS_PER_PAGE);
}

function giftTarget(gift: { id: string; name: string }) {
  return { type: "gift", id: gift.id, label: `${gift.name} (${gift.id})` } as const;
}

export async function createGift(operator: SessionUser, input: z.output<typeof createGiftSchema>): Promise<{ id: string }> {
  try {
    await db.$transaction(async (tx) => {
      await tx.gift.create({ data: input });
      await recordAudit(tx, operator, { action: "gift.create", target: giftTarget(input), details: { price: input.price, icon: input.icon, animation: input.animation } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", `A gift with the id "${input.id}" exists already.`);
    throw error;
  }
  return { id: input.id };
}

/** Changes name, price, icon, animation or order; sends already made keep the price they paid. */
export async function updateGift(operator: SessionUser, input: z.output<typeof updateGiftSchema>): Promise<{ id: string }> {
  const { id, reason, ...fields } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.gift.findUnique({ where: { id }, select: { name: true, price: true, icon: true, animation: true, sortOrder: true } });
    if (!before) throw new AppError("NOT_FOUND", "There is no such gift.");
    await tx.gift.update({ where: { id }, data: fields });
    await recordAudit(tx, operator, { action: "gift.update", target: giftTarget({ id, name: fields.name }), reason, details: { before, after: fields } });
  });
  return { id };
}

export async function setGiftRetired(operator: SessionUser, input: z.output<typeof retireGiftSchema>): Promise<{ id: string }> {
  await db.$transaction(async (tx) => {
    const gift = await tx.gift.findUnique({ where: { id: input.id }, select: { id: true, name: true, retiredAt: true } });
    if (!gift) throw new AppError("NOT_FOUND", "There is no such gift.");
    if ((gift.retiredAt !== null) === input.retired) throw new AppError("CONFLICT", input.retired ? "This gift is retired already." : "This gift is on the shelf already.");
    await tx.gift.update({ where: { id: gift.id }, data: { retiredAt: input.retired ? new Date() : null } });
    await recordAudit(tx, operator, { action: input.retired ? "gift.retire" : "gift.restore", target: giftTarget(gift), reason: input.reason });
  });
  return { id: input.id };
}
