"use server";

import { signOut } from "@/lib/auth/auth";

/** Signs out: next-auth's signOut event revokes the server-side session row (lib/auth/auth.ts). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
