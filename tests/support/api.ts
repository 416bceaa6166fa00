import { generateApiKeyToken } from "@/lib/auth/api-key-token";
import { db } from "@/lib/db";

// Calling route handlers the way Next does, with an API key: the real guard, no HTTP server.

/** A fresh API key of `userId` in `companyId` with these scopes; returns the bearer token. */
export async function apiKey(companyId: string, userId: string, scopes: string[]): Promise<string> {
  const { token, prefix, hash } = generateApiKeyToken();
  await db.apiKey.create({ data: { companyId, name: "test", prefix, keyHash: hash, scopes, createdById: userId } });
  return token;
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type RouteCall = { token: string; method?: string; path: string; body?: unknown; headers?: Record<string, string> };

/**
 * Calls a route handler with a JSON body (method: POST when there is a body, GET otherwise) and reads
 * the answer; `json` is null for an empty body (204).
 */
export async function call<P>(handler: Handler<P>, params: P, init: RouteCall) {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const response = await handler(
    new Request(`http://localhost:3000${init.path}`, { method: init.method ?? (body ? "POST" : "GET"), body, headers: { authorization: `Bearer ${init.token}`, "content-type": "application/json", ...init.headers } }),
    { params: Promise.resolve(params) },
  );
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), headers: response.headers, json: (text ? JSON.parse(text) : null) as Record<string, any> };
}
