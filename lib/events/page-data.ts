import { z } from "zod";
import { getDb } from "@/db/app-db";
import { getAgreement } from "../agreements/get";
import { getCurrentUser } from "../auth/current-user";
import { can, type Action } from "../auth/permissions";
import { getEventHistory } from "./history";

/**
 * What the evidence pages under an agreement need: the agreement, its history and the user,
 * or why the page cannot be shown ("not_found", "forbidden"). The pages stay thin.
 */
export async function loadAgreementForEvidence(id: string, action: Action) {
  if (!z.uuid().safeParse(id).success) return { error: "not_found" as const };
  const user = await getCurrentUser();
  if (!can(user ? { ...user, active: true } : null, action)) return { error: "forbidden" as const };
  const db = await getDb();
  const agreement = await getAgreement(db, id);
  if (!agreement) return { error: "not_found" as const };
  const history = await getEventHistory(db, id);
  return { error: null, agreement, history, user: user!, db, title: `${agreement.swedish.name} – ${agreement.foreign.name}` };
}
