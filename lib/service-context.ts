import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Principal } from "@/lib/auth/session";

/**
 * Who is acting, for which company, from where. Built once per request by the action builder or the
 * API wrapper and passed to every service function; services scope every query by `companyId`.
 */
export type ServiceContext = {
  companyId: string;
  actorId: string | null;
  actorType: "USER" | "API_KEY" | "SYSTEM";
  ipAddress: string | null;
  userAgent: string | null;
  principal: Principal | null;
  /** Set when a trigger's action makes this change: the event that caused it and its depth. */
  causation?: { eventId: string; depth: number };
};

export type Audit = (entry: AuditEntry) => Promise<void>;

/**
 * Runs a mutation in one transaction with an `audit` function bound to it: every change and its
 * audit entry commit together or not at all. All service writes go through here.
 */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  return db.$transaction((tx) => work(tx, (entry) => recordAudit(tx, ctx, entry)), { timeout: 20_000 });
}
