import "server-only";
import type { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import type { registerSchema } from "@/lib/auth/schema";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/client";

export async function registerUser(input: z.output<typeof registerSchema>, role: UserRole = "USER") {
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, role, passwordHash: await hashPassword(input.password) },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists", {
        email: ["An account with this email already exists"],
      });
    }
    throw error;
  }
}
