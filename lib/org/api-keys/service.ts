import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { generateApiKeyToken } from "@/lib/auth/api-key-token";
import { AppError } from "@/lib/errors";
import type { ZCreateApiKey, ZRevokeApiKey } from "@/lib/org/api-keys/schema";
import { inTransaction, type ServiceContext } from "@/lib/service-context";

/**
 * Creates an API key and returns its token — the only time it is ever visible; only its hash is
 * stored. A key cannot carry a permission its creator does not have.
 */
export async function createApiKey(ctx: ServiceContext, input: z.output<typeof ZCreateApiKey>) {
  const held = ctx.principal?.permissions;
  const beyond = input.scopes.filter((scope) => !held?.has(scope));
  if (beyond.length) throw new AppError("FORBIDDEN", `You cannot grant permissions you do not have: ${beyond.join(", ")}.`, { fieldErrors: { scopes: ["Includes permissions you do not have."] } });
  const { token, prefix, hash } = generateApiKeyToken();
  const key = await inTransaction(ctx, async (tx, audit) => {
    const created = await tx.apiKey.create({
      data: {
        companyId: ctx.companyId,
        name: input.name,
        prefix,
        keyHash: hash,
        scopes: input.scopes,
        createdById: ctx.actorId,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
      select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true },
    });
    await audit({ action: "api_key.created", entity: "ApiKey", entityId: created.id, after: created });
    return created;
  });
  return { ...key, token };
}

export async function revokeApiKey(ctx: ServiceContext, input: z.output<typeof ZRevokeApiKey>) {
  return inTransaction(ctx, async (tx, audit) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.id, companyId: ctx.companyId }, select: { id: true, name: true, revokedAt: true } });
    if (!key) throw new AppError("NOT_FOUND", "API key not found.");
    if (key.revokedAt) return key;
    const after = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: { id: true, name: true, revokedAt: true } });
    await audit({ action: "api_key.revoked", entity: "ApiKey", entityId: key.id, before: key, after });
    return after;
  });
}

export async function listApiKeys(companyId: string) {
  return db.apiKey.findMany({
    where: { companyId },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { firstName: true, lastName: true } } },
  });
}
