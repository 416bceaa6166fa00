// The bell's edge — GET /api/v1/notifications, GET /api/v1/me/counts and the mark-read server
// actions — through the real guard on real PostgreSQL: each caller reaches only their own
// notifications, signed-out callers nothing. Only the request context is faked (as in the matrix).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ sessionId: null as string | null }));

vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (request.sessionId ? { sessionId: request.sessionId } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ origin: "http://localhost:3000", host: "localhost:3000", "user-agent": "bell", "x-forwarded-for": "192.0.2.9" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { db } from "@/lib/db";
import { closeRunnerPool } from "@/lib/flows/runner/sql";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import * as countsRoute from "@/app/api/v1/me/counts/route";
import * as notificationsRoute from "@/app/api/v1/notifications/route";
import { createCompany, createUser } from "../support/fixtures";
import { openSession } from "../support/outcomes";

afterAll(async () => {
  await closeRunnerPool();
  await db.$disconnect();
});

const get = (path: string) => new Request(`http://localhost:3000${path}`, { method: "GET" });
const none = { params: Promise.resolve({}) } as never;

let sessions: { alice: string; bob: string };
let notes: { alice: string[]; bob: string };

beforeAll(async () => {
  const company = await createCompany(db, "Bell Edge Co");
  const alice = await createUser(db, company);
  const bob = await createUser(db, company);
  sessions = { alice: (await openSession(db, company, alice)).id, bob: (await openSession(db, company, bob)).id };
  const note = async (userId: string, title: string) => (await db.notification.create({ data: { companyId: company.id, userId, type: "assigned", title, link: "/inbox" } })).id;
  notes = { alice: [await note(alice.id, "for alice 1"), await note(alice.id, "for alice 2")], bob: await note(bob.id, "for bob") };
});

describe("the bell's routes and actions", () => {
  it("answer each caller with their own notifications and counts, and nobody signed out", async () => {
    request.sessionId = sessions.alice;
    const listed = await notificationsRoute.GET(get("/api/v1/notifications?limit=5"), none);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { data: { id: string; title: string }[]; unread: number };
    expect(body.data.map((item) => item.id).sort()).toEqual([...notes.alice].sort());
    expect(body.unread).toBe(2);
    expect(await (await countsRoute.GET(get("/api/v1/me/counts"), none)).json()).toEqual({ inbox: 0, unreadNotifications: 2 });
    expect((await notificationsRoute.GET(get("/api/v1/notifications?limit=0"), none)).status).toBe(422);

    request.sessionId = null;
    expect((await notificationsRoute.GET(get("/api/v1/notifications"), none)).status).toBe(401);
    expect((await countsRoute.GET(get("/api/v1/me/counts"), none)).status).toBe(401);
    expect(await markAllNotificationsReadAction({})).toMatchObject({ ok: false, error: expect.stringMatching(/Sign in/) });
  });

  it("mark read only the caller's own", async () => {
    request.sessionId = sessions.alice;
    expect(await markNotificationReadAction({ id: notes.bob })).toEqual({ ok: false, error: "Notification not found." });
    expect(await markNotificationReadAction({ id: "not-an-id" })).toMatchObject({ ok: false, fieldErrors: { id: [expect.any(String)] } });
    expect(await markNotificationReadAction({ id: notes.alice[0]! })).toEqual({ ok: true, data: { id: notes.alice[0] } });
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { count: 1 } });

    request.sessionId = sessions.bob;
    expect(await (await countsRoute.GET(get("/api/v1/me/counts"), none)).json()).toEqual({ inbox: 0, unreadNotifications: 1 });
  });
});
