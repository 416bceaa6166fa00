// Invitations on real PostgreSQL: hashed single-use expiring links, exactly one user per acceptance,
// re-invites, tenancy, and an audit entry committed with every change.
import { afterAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { findUsableInvitation, listInvitations, listPendingInvitationsPage } from "@/lib/org/invitations/queries";
import { acceptInvitation, inviteUser, resendInvitation, revokeInvitation } from "@/lib/org/invitations/service";
import { ZInviteUser } from "@/lib/org/users/schema";
import { hashLinkToken } from "@/lib/org/users/tokens";
import { contextFor, createCompany, createUser } from "../support/fixtures";
import { rejection } from "../support/outcomes";

afterAll(() => db.$disconnect());

const meta = { ipAddress: "203.0.113.10", userAgent: "vitest" };
const PASSWORD = "a fine long passphrase";

async function setup() {
  const company = await createCompany(db, "Invite Co");
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const finance = await db.role.create({ data: { companyId: company.id, name: "Finance" } });
  const department = await db.department.create({ data: { companyId: company.id, name: "Money" } });
  return { company, admin, finance, department, ctx: contextFor(company, admin.id) };
}

async function tokenOfMail(mailId: string): Promise<string> {
  const mail = await db.mailMessage.findUniqueOrThrow({ where: { id: mailId } });
  const match = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "");
  if (!match) throw new Error("no invitation link in the mail");
  return match[1]!;
}

const accept = (token: string, name = "Nina") => acceptInvitation({ token, firstName: name, lastName: "New", password: PASSWORD, confirmPassword: PASSWORD }, meta);

describe("inviting", () => {
  it("stores only the token's sha256, mails the link, and expires in 7 days", async () => {
    const { company, ctx, finance, department } = await setup();
    const email = `Nina.New@${company.slug}.test`;
    const { invitation, mail } = await inviteUser(ctx, ZInviteUser.parse({ email, systemRole: "EMPLOYEE", roleIds: [finance.id], departmentId: department.id }));
    expect(invitation).not.toHaveProperty("tokenHash");
    expect(invitation.email).toBe(email.toLowerCase());
    const token = await tokenOfMail(mail.id);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    const message = await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } });
    expect(message).toMatchObject({ companyId: company.id, to: [email.toLowerCase()], transport: "capture" });
    expect(message.html).toContain(`http://localhost:3000/invitations/${token}`);
    expect(await findUsableInvitation(token)).toMatchObject({ email: email.toLowerCase(), companyName: "Invite Co" });
    expect(await db.auditLog.count({ where: { companyId: company.id, action: "invitation.created", entityId: invitation.id } })).toBe(1);
  });

  it("refuses an email that already has an account, with a field error", async () => {
    const { ctx, admin } = await setup();
    const error = await rejection(inviteUser(ctx, ZInviteUser.parse({ email: admin.email.toUpperCase() })));
    expect(error.fieldErrors?.email).toEqual(["Someone with this email already has an account."]);
    expect(await db.invitation.count({ where: { email: admin.email } })).toBe(0);
  });

  it("does not reveal an account in another company: same answer to the inviter, a note instead of a link to the address", async () => {
    const { ctx } = await setup();
    const other = await setup();
    const stranger = await createUser(db, other.company, {});
    const fresh = await inviteUser(ctx, ZInviteUser.parse({ email: `someone.new.${Date.now()}@example.test` }));
    const taken = await inviteUser(ctx, ZInviteUser.parse({ email: stranger.email }));
    // What the inviter sees has the same shape and outcome either way.
    expect(Object.keys(taken.invitation).sort()).toEqual(Object.keys(fresh.invitation).sort());
    expect(taken.mail.delivered).toBe(fresh.mail.delivered);
    const message = await db.mailMessage.findUniqueOrThrow({ where: { id: taken.mail.id } });
    expect(message.to).toEqual([stranger.email]);
    expect(message.text).toContain("already has a Flowright account with another company");
    expect(message.text).not.toMatch(/\/invitations\//);
    // Resending behaves the same and still sends no usable link.
    const resent = await resendInvitation(ctx, { id: taken.invitation.id });
    const again = await db.mailMessage.findUniqueOrThrow({ where: { id: resent.mail.id } });
    expect(again.text).not.toMatch(/\/invitations\//);
    // The stranger's account and company are untouched.
    expect(await db.user.findUniqueOrThrow({ where: { id: stranger.id }, select: { companyId: true } })).toEqual({ companyId: other.company.id });
  });

  it("revokes the pending invitation when the same email is invited again", async () => {
    const { company, ctx } = await setup();
    const email = `again@${company.slug}.test`;
    const first = await inviteUser(ctx, ZInviteUser.parse({ email }));
    const second = await inviteUser(ctx, ZInviteUser.parse({ email, systemRole: "MANAGER" }));
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.invitation.id } })).revokedAt).not.toBeNull();
    expect((await rejection(accept(await tokenOfMail(first.mail.id)))).code).toBe("NOT_FOUND");
    await accept(await tokenOfMail(second.mail.id));
    expect((await db.user.findUniqueOrThrow({ where: { email } })).systemRole).toBe("MANAGER");
  });

  it("lets only a developer invite a DEVELOPER, and only admins invite above EMPLOYEE", async () => {
    const { company, ctx } = await setup();
    expect((await rejection(inviteUser(ctx, ZInviteUser.parse({ email: `dev@${company.slug}.test`, systemRole: "DEVELOPER" })))).code).toBe("FORBIDDEN");
    const manager = await createUser(db, company, { systemRole: "MANAGER" });
    const asManager = contextFor(company, manager.id);
    expect((await rejection(inviteUser(asManager, ZInviteUser.parse({ email: `m@${company.slug}.test`, systemRole: "MANAGER" })))).code).toBe("FORBIDDEN");
    await inviteUser(asManager, ZInviteUser.parse({ email: `e@${company.slug}.test` }));
  });
});

describe("accepting", () => {
  it("creates exactly one user with the invited roles and department, a lower-case email and an argon2id hash", async () => {
    const { company, ctx, finance, department } = await setup();
    const email = `Case.Person@${company.slug}.test`;
    const { invitation, mail } = await inviteUser(ctx, ZInviteUser.parse({ email, systemRole: "MANAGER", roleIds: [finance.id], departmentId: department.id }));
    const token = await tokenOfMail(mail.id);
    const outcomes = await Promise.allSettled([accept(token, "One"), accept(token, "Two"), accept(token, "Three")]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const users = await db.user.findMany({ where: { companyId: company.id, email: email.toLowerCase() }, include: { roles: true } });
    expect(users).toHaveLength(1);
    const user = users[0]!;
    expect(user).toMatchObject({ systemRole: "MANAGER", departmentId: department.id, lastName: "New", isActive: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.roles.map((role) => role.roleId)).toEqual([finance.id]);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).not.toBeNull();
    expect((await signInWithPassword({ email: user.email, password: PASSWORD }, meta)).ok).toBe(true);

    const entries = await db.auditLog.findMany({ where: { companyId: company.id, actorId: user.id, action: { in: ["user.created", "invitation.accepted"] } } });
    expect(entries.map((entry) => entry.action).sort()).toEqual(["invitation.accepted", "user.created"]);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    // Used: the link is dead now.
    expect(await findUsableInvitation(token)).toBeNull();
    expect((await rejection(accept(token))).code).toBe("NOT_FOUND");
  });

  it("refuses expired, revoked and unknown links with one message", async () => {
    const { company, ctx } = await setup();
    const expired = await inviteUser(ctx, ZInviteUser.parse({ email: `late@${company.slug}.test` }));
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await inviteUser(ctx, ZInviteUser.parse({ email: `gone@${company.slug}.test` }));
    await revokeInvitation(ctx, { id: revoked.invitation.id });
    const messages = new Set<string>();
    for (const token of [await tokenOfMail(expired.mail.id), await tokenOfMail(revoked.mail.id), "x".repeat(43)]) {
      expect(await findUsableInvitation(token)).toBeNull();
      const error = await rejection(accept(token));
      expect(error.code).toBe("NOT_FOUND");
      messages.add(error.message);
    }
    expect(messages.size).toBe(1);
    expect(await db.user.count({ where: { companyId: company.id } })).toBe(1);
  });

  it("resending gives a new link and a new expiry; the old link stops working", async () => {
    const { company, ctx } = await setup();
    const sent = await inviteUser(ctx, ZInviteUser.parse({ email: `resend@${company.slug}.test` }));
    await db.invitation.update({ where: { id: sent.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const resent = await resendInvitation(ctx, { id: sent.invitation.id });
    expect(resent.invitation.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await rejection(accept(await tokenOfMail(sent.mail.id)))).code).toBe("NOT_FOUND");
    await accept(await tokenOfMail(resent.mail.id));
    expect((await rejection(resendInvitation(ctx, { id: sent.invitation.id }))).code).toBe("CONFLICT");
    const actions = (await db.auditLog.findMany({ where: { companyId: company.id, entityId: sent.invitation.id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["invitation.created", "invitation.resent", "invitation.accepted"]);
  });

  it("refuses when the email got an account meanwhile (another company's invitation accepted first)", async () => {
    const { company, ctx } = await setup();
    const other = await setup();
    const email = `twice@${company.slug}.test`;
    const mine = await inviteUser(ctx, ZInviteUser.parse({ email }));
    const theirs = await inviteUser(other.ctx, ZInviteUser.parse({ email }));
    await accept(await tokenOfMail(theirs.mail.id));
    expect((await rejection(accept(await tokenOfMail(mine.mail.id)))).code).toBe("CONFLICT");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: mine.invitation.id } })).acceptedAt).toBeNull();
  });
});

describe("tenancy", () => {
  it("another company cannot see, revoke or resend an invitation", async () => {
    const { company, ctx } = await setup();
    const { invitation } = await inviteUser(ctx, ZInviteUser.parse({ email: `private@${company.slug}.test` }));
    const other = await setup();
    expect((await rejection(revokeInvitation(other.ctx, { id: invitation.id }))).message).toBe("Invitation not found.");
    expect((await rejection(resendInvitation(other.ctx, { id: invitation.id }))).message).toBe("Invitation not found.");
    expect((await listInvitations(other.company.id, { limit: 50 })).data).toEqual([]);
    expect((await listPendingInvitationsPage(other.company.id, { page: 1 })).total).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
    // …nor give its roles or departments to an invitation of theirs.
    const error = await rejection(inviteUser(other.ctx, ZInviteUser.parse({ email: `x@${other.company.slug}.test`, roleIds: [(await db.role.findFirstOrThrow({ where: { companyId: company.id } })).id] })));
    expect(error.fieldErrors).toHaveProperty("roleIds");
  });

  it("lists open invitations with a cursor, newest first, without token hashes", async () => {
    const { company, ctx } = await setup();
    for (const name of ["a", "b", "c"]) await inviteUser(ctx, ZInviteUser.parse({ email: `${name}@${company.slug}.test` }));
    const first = await listInvitations(company.id, { limit: 2 });
    expect(first.data.map((row) => row.email)).toEqual([`c@${company.slug}.test`, `b@${company.slug}.test`]);
    expect(first.data[0]).not.toHaveProperty("tokenHash");
    expect(first.data[0]!.status).toBe("pending");
    const second = await listInvitations(company.id, { limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ data: [expect.objectContaining({ email: `a@${company.slug}.test` })], nextCursor: null });
  });
});
