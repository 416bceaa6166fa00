import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The outbox: the company's recorded mails (lib/mail/send.ts records every one), for admins.

export const OUTBOX_PER_PAGE = 50;

/** One page of the company's mails, newest first, without bodies. */
export async function listOutboxPage(companyId: string, page: number) {
  const where = { companyId };
  const [rows, total] = await Promise.all([
    db.mailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PER_PAGE,
      take: OUTBOX_PER_PAGE,
      select: { id: true, to: true, subject: true, transport: true, sentAt: true, error: true, createdAt: true },
    }),
    db.mailMessage.count({ where }),
  ]);
  return { rows, total };
}

/** One mail of the company with its bodies; a foreign or unknown id is the same 404. */
export async function getOutboxMessage(companyId: string, id: string) {
  const message = await db.mailMessage.findFirst({ where: { id, companyId } });
  if (!message) throw new AppError("NOT_FOUND", "Message not found.");
  return message;
}
