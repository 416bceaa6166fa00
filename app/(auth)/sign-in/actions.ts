"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { LOCKOUT_WINDOW_MINUTES } from "@/lib/auth/sign-in";
import { ZSignIn } from "@/lib/auth/schema";
import { fieldErrorsFromZod, type FieldErrors } from "@/lib/errors";

export type SignInState = { error?: string; fieldErrors?: FieldErrors; email?: string };

/** Safe post-sign-in destination: only paths on this site. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "/";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const email = typeof raw.email === "string" ? raw.email : "";
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsFromZod(parsed.error.issues), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(formData.get("next")) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "throttled") {
        return { error: `Too many failed attempts. Try again in ${LOCKOUT_WINDOW_MINUTES} minutes.`, email };
      }
      return { error: "Wrong email or password.", email };
    }
    throw error; // the success redirect, and real failures
  }
}
