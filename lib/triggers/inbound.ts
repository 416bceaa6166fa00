import "server-only";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { liveSecrets } from "./secrets";
import { isUuid } from "@/lib/ids";
import { ZEventConfig } from "./definition";
import { payloadViolations } from "./payload-schema";

// Inbound webhooks (Standard Webhooks v1): POST /api/hooks/<trigger id> with webhook-id,
// webhook-timestamp and webhook-signature over the raw body. Refused: unknown or inactive trigger
// (404), body over the limit (413, before reading it all), bad or missing signature or a timestamp
// outside ±5 minutes (401), not JSON (400), not matching the trigger's payload schema (422, with
// the violations by JSON path; nothing stored). Accepted: stored durably as a WEBHOOK_RECEIVED outbox
// event — deduplicated on webhook-id — and answered 202; triggers run in the job worker.

export const MAX_WEBHOOK_BYTES = 256 * 1024;


async function readCapped(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_WEBHOOK_BYTES} bytes.`);
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WEBHOOK_BYTES) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_WEBHOOK_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function receiveWebhook(triggerId: string, request: Request): Promise<{ eventId: string | null; duplicate: boolean }> {
  const trigger = isUuid(triggerId)
    ? await db.trigger.findFirst({ where: { id: triggerId, eventType: "WEBHOOK_RECEIVED", isActive: true, archivedAt: null }, select: { id: true, companyId: true, eventConfig: true } })
    : null;
  if (!trigger) throw new AppError("NOT_FOUND", "No active webhook at this address.");
  const body = await readCapped(request);
  const headers = { "webhook-id": request.headers.get("webhook-id") ?? "", "webhook-timestamp": request.headers.get("webhook-timestamp") ?? "", "webhook-signature": request.headers.get("webhook-signature") ?? "" };
  if (!headers["webhook-id"] || !headers["webhook-timestamp"] || !headers["webhook-signature"]) throw new AppError("UNAUTHENTICATED", "Send webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks).");
  const secrets = await liveSecrets(db, trigger.id);
  let lastProblem = "The signature does not match.";
  const verified = secrets.some((secret) => {
    try {
      new Webhook(secret).verify(body, headers);
      return true;
    } catch (error) {
      // verify() parses the body after checking the signature: a SyntaxError means "signed, not JSON".
      if (error instanceof SyntaxError) return true;
      if (error instanceof WebhookVerificationError && /timestamp/i.test(error.message)) lastProblem = "The webhook-timestamp is more than 5 minutes away from now.";
      return false;
    }
  });
  if (!verified) throw new AppError("UNAUTHENTICATED", lastProblem);
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const violations = payloadViolations(ZEventConfig.safeParse(trigger.eventConfig).data?.payloadSchema, payload);
  if (violations.length) {
    const byPath: Record<string, string[]> = {};
    for (const violation of violations) (byPath[violation.path] ??= []).push(violation.message);
    throw new AppError("VALIDATION", `The payload does not match this webhook's schema (${violations.length} problem${violations.length > 1 ? "s" : ""}).`, { fieldErrors: byPath, details: { violations } });
  }
  const messageId = headers["webhook-id"].slice(0, 200);
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO outbox_events ("companyId", type, entity, "entityId", payload, "dedupeKey") VALUES ($1::uuid, 'WEBHOOK_RECEIVED', 'Trigger', $2, $3::jsonb, $4)
     ON CONFLICT ("companyId", "dedupeKey") DO NOTHING RETURNING id`,
    trigger.companyId,
    trigger.id,
    JSON.stringify({ triggerId: trigger.id, webhookId: messageId, body: payload }),
    `webhook:${trigger.id}:${messageId}`,
  );
  return { eventId: rows[0]?.id ?? null, duplicate: rows.length === 0 };
}
