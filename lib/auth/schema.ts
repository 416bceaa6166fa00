import { z } from "zod";

/** Sign-in input, shared by the form and the credentials provider. */
export const ZSignIn = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email").max(254).email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(1024),
});
export type TSignIn = z.infer<typeof ZSignIn>;
