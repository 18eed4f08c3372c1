/** Only same-site paths may be redirected to after sign-in. */
export function safeRedirectPath(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/home";
  return value;
}
