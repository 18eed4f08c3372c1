import { v5 as uuidv5 } from "uuid";

// Seeded rows get ids derived from stable keys, so that seeding twice inserts nothing new.
const NAMESPACE = "5f0c3f4e-6a53-4c1e-9b8e-0d8f3c1a7b21";

export function seedId(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, NAMESPACE);
}
