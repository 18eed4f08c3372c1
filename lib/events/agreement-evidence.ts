import type { Db } from "@/db/client";
import { getClaims } from "../claims/list";
import { getEventHistory } from "./history";

/** Everything the agreement page shows about the evidence: the history with its sources and files, and the claims. */
export async function getAgreementEvidence(db: Db, agreementId: string) {
  const history = await getEventHistory(db, agreementId);
  const claims = await getClaims(db, agreementId);
  return { history, claims };
}

export type AgreementEvidenceData = Awaited<ReturnType<typeof getAgreementEvidence>>;
