import "server-only";
import type { Db, Tx } from "@/lib/db";
import { decryptSecret, encryptSecret, newWebhookSecret } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { inTransaction, type ServiceContext } from "@/lib/service-context";

// A trigger's webhook secrets (Standard Webhooks "whsec_…"): they sign its outbound calls and verify
// its inbound webhook. Stored encrypted, shown once. Rotation keeps the old secret valid for an
// overlap period, so senders can switch without a window of refused requests.

export async function addSecret(tx: Tx, companyId: string, triggerId: string): Promise<string> {
  const secret = newWebhookSecret();
  await tx.triggerSecret.create({ data: { companyId, triggerId, encrypted: encryptSecret(secret) } });
  return secret;
}

/** The secrets valid now, newest first (decrypted; never log them). */
export async function liveSecrets(tx: Tx | Db, triggerId: string, now = new Date()): Promise<string[]> {
  const rows = await tx.triggerSecret.findMany({ where: { triggerId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, orderBy: { createdAt: "desc" } });
  return rows.map((row) => decryptSecret(row.encrypted));
}

/** A new secret (returned once); the current ones expire after `overlapHours`. */
export async function rotateSecret(ctx: ServiceContext, input: { triggerId: string; overlapHours: number }): Promise<{ secret: string; previousValidUntil: Date }> {
  return inTransaction(ctx, async (tx, audit) => {
    const trigger = await tx.trigger.findFirst({ where: { id: input.triggerId, companyId: ctx.companyId, archivedAt: null }, select: { id: true } });
    if (!trigger) throw new AppError("NOT_FOUND", "Trigger not found.");
    const until = new Date(Date.now() + input.overlapHours * 3_600_000);
    await tx.triggerSecret.updateMany({ where: { triggerId: trigger.id, OR: [{ expiresAt: null }, { expiresAt: { gt: until } }] }, data: { expiresAt: until } });
    const secret = await addSecret(tx, ctx.companyId, trigger.id);
    await audit({ action: "trigger.secret_rotated", entity: "Trigger", entityId: trigger.id, metadata: { previousValidUntil: until.toISOString() } });
    return { secret, previousValidUntil: until };
  });
}
