"use server";

import { revalidatePath } from "next/cache";
import { addContact } from "@/lib/accounts/add-contact";
import { inviteUser } from "@/lib/accounts/invite";
import { removeContact } from "@/lib/accounts/remove-contact";
import { updateContact } from "@/lib/accounts/update-contact";
import { guardedAction } from "@/lib/auth/action";

// Thin: the permission is declared on each action; the lib function checks it again, validates,
// writes in one transaction with its audit row or revision.

function revalidated<T extends { ok: boolean }>(result: T, organizationId: unknown): T {
  if (result.ok && typeof organizationId === "string" && /^[0-9a-f-]{36}$/.test(organizationId)) revalidatePath(`/organizations/${organizationId}`);
  return result;
}

export const inviteOfficialAction = guardedAction("user.invite", async (ctx, input: { organizationId?: string | null }) =>
  revalidated(await inviteUser({ ctx, input: { ...input, roles: ["municipal_official"] } }), input?.organizationId),
);

export const addContactAction = guardedAction("contact.manage", async (ctx, input: { organizationId?: string | null }) =>
  revalidated(await addContact({ ctx, input }), input?.organizationId),
);

export const updateContactAction = guardedAction("contact.manage", (ctx, input: unknown) => updateContact({ ctx, input }));

export const removeContactAction = guardedAction("contact.manage", async (ctx, input: unknown) => {
  const result = await removeContact({ ctx, input });
  return result.ok ? revalidated(result, result.value.organizationId) : result;
});
