import { distance } from "fastest-levenshtein";
import { fold } from "../agreements/fold";

// Finds organisations by name the way a person types them: the exact name first (ignoring
// case only, so "Håbo" and "Habo" are two different kommuner), then with diacritics folded as a
// fallback ("Goteborg" finds Göteborg). Suggests near names for an unknown one (edit distance on
// folded names, by fastest-levenshtein: "Morra" → Mora).

export interface Named {
  id: string;
  name: string;
}

const exactKey = (text: string) => text.trim().toLocaleLowerCase("sv");

export class NameIndex<T extends Named> {
  private exact = new Map<string, T[]>();
  private folded = new Map<string, T[]>();

  add(name: string | null | undefined, item: T): void {
    if (!name) return;
    for (const [map, key] of [
      [this.exact, exactKey(name)],
      [this.folded, fold(name.trim())],
    ] as const) {
      const list = map.get(key) ?? [];
      if (!list.some((o) => o.id === item.id)) list.push(item);
      map.set(key, list);
    }
  }

  /** The items with exactly this name (any case), or failing that with this folded name. */
  find(text: string, keep: (item: T) => boolean = () => true): T[] {
    const exact = (this.exact.get(exactKey(text)) ?? []).filter(keep);
    return exact.length > 0 ? exact : (this.folded.get(fold(text.trim())) ?? []).filter(keep);
  }

  findExact(text: string, keep: (item: T) => boolean = () => true): T[] {
    return (this.exact.get(exactKey(text)) ?? []).filter(keep);
  }

  findFolded(text: string, keep: (item: T) => boolean = () => true): T[] {
    return (this.folded.get(fold(text.trim())) ?? []).filter(keep);
  }

  /** The names nearest to the text (a typo or two away; the nearest ones only, at most `max`). */
  suggest(text: string, keep: (item: T) => boolean = () => true, max = 3): string[] {
    const key = fold(text.trim());
    if (key.length < 2) return [];
    const limit = key.length <= 5 ? 1 : key.length <= 10 ? 2 : 3;
    const near: { name: string; d: number }[] = [];
    for (const [folded, items] of this.folded) {
      if (Math.abs(folded.length - key.length) > limit) continue;
      const d = distance(key, folded);
      if (d > limit) continue;
      for (const item of items.filter(keep)) if (!near.some((n) => n.name === item.name)) near.push({ name: item.name, d });
    }
    const nearest = Math.min(...near.map((n) => n.d));
    return near
      .filter((n) => n.d === nearest)
      .sort((a, b) => a.name.localeCompare(b.name, "sv"))
      .slice(0, max)
      .map((n) => n.name);
  }
}
