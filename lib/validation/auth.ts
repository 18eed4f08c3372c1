import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "auth.emailRequired").email("auth.emailInvalid").max(254),
  password: z.string().min(1, "auth.passwordRequired").max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;
