// The shapes the evidence forms keep, and their empty values. A plain module (not "use client"),
// so that server pages can build a form's defaults too.
import type { EventStatus } from "@/lib/domain/enums";
import type { PartialDateInput } from "@/lib/validation/partial-date-input";
import { emptySourceInput } from "@/lib/validation/sources";

/** One entry of a form's source list (the schema keeps what the entry's mode needs). */
export interface SourceEntryValues {
  /** Stable for the entry's life in the form: its files are kept under it. */
  key: string;
  mode: "existing" | "new";
  sourceId: string;
  label: string;
  source: Record<string, unknown>;
  quote: string;
  page: string;
  allowDuplicate: boolean;
}

export function newEntry(mode: "existing" | "new", pick?: { id: string; label: string }): SourceEntryValues {
  return {
    key: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    mode,
    sourceId: pick?.id ?? "",
    label: pick?.label ?? "",
    source: emptySourceInput("protocol"),
    quote: "",
    page: "",
    allowDuplicate: false,
  };
}

export interface StatusChangeValues {
  agreementId: string;
  status: EventStatus | "";
  effective: PartialDateInput;
  reasons: string[];
  reasonOther: string;
  decidedBy: string;
  initiatedBy: string;
  note: string;
  sources: SourceEntryValues[];
  saveAsDraft: boolean;
  supersedesId?: string;
  correctionReason?: string;
}

export function emptyStatusChange(agreementId: string): StatusChangeValues {
  return {
    agreementId,
    status: "",
    effective: { precision: "year", value: "" },
    reasons: [],
    reasonOther: "",
    decidedBy: "",
    initiatedBy: "unknown",
    note: "",
    sources: [],
    saveAsDraft: false,
  };
}
