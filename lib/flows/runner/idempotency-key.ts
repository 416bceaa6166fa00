import "server-only";
import { createHash } from "node:crypto";
import type { Principal } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { problemFromError } from "@/lib/http/problem";
import { sql } from "./sql";

// The `Idempotency-Key` header on API mutations, with Stripe's semantics (README promise 2): the
// first response (status and body) is stored and replayed for 24 hours; the same key with other
// parameters (another body, path, or caller) is a 422; a key whose first request is still running
// is a 409. As at Stripe, requests that failed validation before anything ran (400/413/422) and
// server errors (5xx) are not stored, so the client can fix and retry with the same key.
// Generic over routes; it lives beside the runner because the runner's routes are its first users.

const TTL_HOURS = 24;
const MAX_KEY = 255;
const MAX_HASHED_BODY = 1_000_000;
const NOT_STORED = new Set([400, 413, 422]);

type Stored = { requestHash: string; responseStatus: number | null; responseBody: { contentType: string; body: string } | null; expired: boolean; abandoned: boolean };

// A claim without a response after this long belongs to a request that died (a crash, a kill): it
// is released so the client's retry can run instead of getting 409 for a day.
const ABANDONED_AFTER_SECONDS = 60;

const hashOf = (parts: unknown[]) => createHash("sha256").update(JSON.stringify(parts)).digest("hex");

async function claim(companyId: string, key: string, requestHash: string): Promise<boolean> {
  const rows = await sql<{ id: string }>({
    name: "idempotency_claim_v1",
    text: `INSERT INTO idempotency_records ("companyId", key, "requestHash", "expiresAt") VALUES ($1::uuid, $2, $3, now() + make_interval(hours => $4))
           ON CONFLICT ("companyId", key) DO NOTHING RETURNING id`,
    values: [companyId, key, requestHash, TTL_HOURS],
  });
  return rows.length === 1;
}

const release = (companyId: string, key: string) =>
  sql({ name: "idempotency_release_v1", text: `DELETE FROM idempotency_records WHERE "companyId" = $1::uuid AND key = $2 AND "responseStatus" IS NULL`, values: [companyId, key] });

/**
 * Runs `handler` at most once per (company, Idempotency-Key): later requests with the key get the
 * stored response, marked `Idempotent-Replayed: true`. Without the header it just runs the handler.
 */
export async function withIdempotencyKey(request: Request, principal: Principal, handler: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) return handler();
  if (key.length > MAX_KEY) throw new AppError("VALIDATION", `The Idempotency-Key is longer than ${MAX_KEY} characters.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_HASHED_BODY) return handler(); // refused as 413 by the handler
  const url = new URL(request.url);
  const requestHash = hashOf([principal.userId, request.method, url.pathname, await request.clone().text()]);

  for (let attempt = 0; attempt < 2; attempt++) {
    if (await claim(principal.companyId, key, requestHash)) {
      let response: Response;
      try {
        response = await handler();
      } catch (error) {
        response = problemFromError(error, url.pathname);
      }
      if (response.status >= 500 || NOT_STORED.has(response.status)) {
        await release(principal.companyId, key);
        return response;
      }
      const body = await response.clone().text();
      await sql({
        name: "idempotency_store_v1",
        text: `UPDATE idempotency_records SET "responseStatus" = $3, "responseBody" = $4::jsonb WHERE "companyId" = $1::uuid AND key = $2`,
        values: [principal.companyId, key, response.status, JSON.stringify({ contentType: response.headers.get("content-type") ?? "application/json", body })],
      });
      return response;
    }
    const [stored] = await sql<Stored>({
      name: "idempotency_read_v1",
      text: `SELECT "requestHash", "responseStatus", "responseBody", "expiresAt" <= now() AS expired,
               ("responseStatus" IS NULL AND "createdAt" < now() - make_interval(secs => $3)) AS abandoned
             FROM idempotency_records WHERE "companyId" = $1::uuid AND key = $2`,
      values: [principal.companyId, key, ABANDONED_AFTER_SECONDS],
    });
    if (!stored) continue; // released meanwhile: claim again
    if (stored.expired || stored.abandoned) {
      await sql({
        name: "idempotency_expire_v1",
        text: `DELETE FROM idempotency_records WHERE "companyId" = $1::uuid AND key = $2 AND ("expiresAt" <= now() OR ("responseStatus" IS NULL AND "createdAt" < now() - make_interval(secs => $3)))`,
        values: [principal.companyId, key, ABANDONED_AFTER_SECONDS],
      });
      continue;
    }
    if (stored.requestHash !== requestHash) throw new AppError("VALIDATION", "This Idempotency-Key was already used with different parameters.", { details: { reason: "IDEMPOTENCY_KEY_REUSED" } });
    if (stored.responseStatus === null || !stored.responseBody) throw new AppError("CONFLICT", "A request with this Idempotency-Key is still being processed. Retry shortly.");
    return new Response(stored.responseBody.body, { status: stored.responseStatus, headers: { "content-type": stored.responseBody.contentType, "idempotent-replayed": "true" } });
  }
  throw new AppError("CONFLICT", "A request with this Idempotency-Key is still being processed. Retry shortly.");
}
