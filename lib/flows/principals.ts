// Inbox principals: each open assignment is stored under one key, and a user's inbox is the open
// assignments whose key is one of theirs (README "Performance": one indexed `= ANY` instead of ORs).

export type PrincipalSubject = { userId: string; roleIds: readonly string[]; departmentId: string | null };

export const userPrincipal = (userId: string) => `u:${userId}`;
export const rolePrincipal = (roleId: string) => `r:${roleId}`;
export const departmentPrincipal = (departmentId: string) => `d:${departmentId}`;

/** Every principal key a user answers to. */
export function principalsOf(subject: PrincipalSubject): string[] {
  const keys = [userPrincipal(subject.userId), ...subject.roleIds.map(rolePrincipal)];
  if (subject.departmentId) keys.push(departmentPrincipal(subject.departmentId));
  return keys;
}
