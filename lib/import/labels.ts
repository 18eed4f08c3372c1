import { fold } from "../agreements/fold";
import { LOCALES } from "../i18n/config";
import { loadMessages } from "../i18n/messages";

// The export can write values as the interface's labels ("Vänortssamarbete", "Kommun",
// "Provins", "Avslutat") instead of codes; the import reads them back, in either language,
// from the same message catalogue. Server-only (the catalogue is read from disk).

export type LabelGroup = "kind" | "orgKind" | "foreignLevel" | "status";

let maps: Map<LabelGroup, Map<string, string>> | undefined;

function build(): Map<LabelGroup, Map<string, string>> {
  const out = new Map<LabelGroup, Map<string, string>>();
  for (const group of ["kind", "orgKind", "foreignLevel", "status"] as const) {
    const map = new Map<string, string>();
    for (const locale of LOCALES) {
      const labels = (loadMessages(locale)[group] ?? {}) as Record<string, string>;
      for (const [code, label] of Object.entries(labels)) if (!map.has(fold(label))) map.set(fold(label), code);
    }
    out.set(group, map);
  }
  return out;
}

/** The code a label of the group stands for, in any language of the interface. */
export function codeOfLabel(group: LabelGroup, text: string): string | null {
  maps ??= build();
  return maps.get(group)!.get(fold(text.trim())) ?? null;
}
