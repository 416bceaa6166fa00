// Small helpers for db tests of services: the AppError a call is refused with, and a live session row.
import { expect } from "vitest";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TestCompany } from "./fixtures";

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A server-side session of `user`, valid for an hour (what signing in creates). */
export function openSession(db: PrismaClient, company: TestCompany, user: { id: string }) {
  return db.session.create({ data: { userId: user.id, companyId: company.id, expiresAt: new Date(Date.now() + 3_600_000) } });
}
