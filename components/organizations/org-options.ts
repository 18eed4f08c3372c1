"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { ComboboxOption } from "@/components/ui/combobox";
import type { ForeignOption, SwedishOption } from "@/lib/organizations/list";

/** Picker options for Swedish parties: the name, with kind, county and SCB code to tell them apart. */
export function useSwedishOptions(orgs: SwedishOption[]): ComboboxOption[] {
  const t = useTranslations();
  return useMemo(
    () =>
      orgs.map((o) => ({
        value: o.id,
        label: o.name,
        description: `${t(`orgKind.${o.kind}`)} · ${o.countyName} · ${o.code}`,
      })),
    [orgs, t],
  );
}

/** Picker options for foreign parties: Latin and native names, with level and parent. */
export function useForeignOptions(orgs: ForeignOption[]): ComboboxOption[] {
  const t = useTranslations();
  return useMemo(
    () =>
      orgs.map((o) => ({
        value: o.id,
        label: o.nameNative ? `${o.name} ${o.nameNative}` : o.name,
        description: [o.level ? t(`foreignLevel.${o.level}`) : null, o.parentName].filter(Boolean).join(" · ") || undefined,
      })),
    [orgs, t],
  );
}
