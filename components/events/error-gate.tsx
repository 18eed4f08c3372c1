"use client";

import { createContext, useContext } from "react";
import { useFormContext } from "react-hook-form";
import { errorAt } from "./form-helpers";

/**
 * When the fields of a block added to a form may show their errors. react-hook-form re-checks a
 * whole field array after an append (7.92 does so even on a form never sent), which would mark
 * every required field of the new, empty block at once. Inside a gate a field's error shows once
 * the field has been left (touched) or the form has been sent since the block was added.
 */
const Since = createContext<number | null>(null);

export function ErrorGate({ sinceSubmit, children }: { sinceSubmit: number; children: React.ReactNode }) {
  return <Since.Provider value={sinceSubmit}>{children}</Since.Provider>;
}

/** The error (a catalogue key) to show for a field, as the surrounding gate allows; any error outside a gate. */
export function useFieldError(...names: string[]): string | undefined {
  const since = useContext(Since);
  const { formState, getFieldState } = useFormContext();
  const error = names.map((n) => errorAt(formState.errors, n)).find(Boolean);
  if (!error || since === null) return error;
  const touched = names.some((n) => getFieldState(n, formState).isTouched);
  return touched || formState.submitCount > since ? error : undefined;
}
