import { randomUUID } from "node:crypto";
import { AppError, isAppError, isDatabaseUnavailable } from "@/lib/errors";

// RFC 9457 problem details. Every API error leaves through here, with a correlation id that is also
// written to the server log so a user's report can be matched to it. Never a stack trace.

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Authentication required",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  422: "Validation failed",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export function problemResponse(status: number, detail: string, extra: Partial<Problem> = {}): Response {
  const body: Problem = {
    type: `https://flowright.dev/problems/${status}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    correlationId: randomUUID(),
    ...extra,
  };
  return Response.json(body, { status, headers: { "content-type": "application/problem+json" } });
}

/** Turns any thrown value into a problem response: AppErrors keep their status, the rest are logged. */
export function problemFromError(error: unknown, instance?: string): Response {
  if (isAppError(error)) {
    return problemResponse(error.status, error.message, {
      instance,
      code: error.code,
      ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
      ...(error.details ?? {}),
    });
  }
  const correlationId = randomUUID();
  if (isDatabaseUnavailable(error)) {
    console.error(`[${correlationId}] database unavailable:`, (error as Error).message);
    return problemResponse(503, "The database is unavailable. Try again shortly.", { instance, correlationId });
  }
  console.error(`[${correlationId}] unexpected error:`, error);
  return problemResponse(500, "Something went wrong on our side. Quote the correlation id if you report it.", { instance, correlationId });
}

export { AppError };
