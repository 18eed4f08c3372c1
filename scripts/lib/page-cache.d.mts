import type { IncomingMessage, ServerResponse } from "node:http";

export const VERSION_READER: unique symbol;
export interface Entry {
  headers: Record<string, unknown>;
  csp: string | null;
  nonce: string | null;
  parts: string[] | null;
  body: Buffer | null;
  size: number;
  etag: string | null;
}
export function cacheable(req: IncomingMessage): boolean;
export function cacheKey(req: IncomingMessage, version: number): string;
export function newNonce(): string;
export function entryFrom(statusCode: number, headers: Record<string, unknown>, body: Buffer): Entry | null;
export function hitResponse(entry: Entry, nonce?: string): { body: Buffer; headers: Record<string, unknown> };
export class PageCache {
  constructor(options?: { maxEntries?: number; maxBytes?: number });
  hits: number;
  misses: number;
  bytes: number;
  entries: Map<string, Entry>;
  get(key: string): Entry | null;
  set(key: string, entry: Entry): void;
  prune(version: number): void;
}
export function servePublic(
  cache: PageCache,
  req: IncomingMessage,
  res: ServerResponse,
  options: { version: () => Promise<number | null> | number | null; render: (req: IncomingMessage, res: ServerResponse) => Promise<void>; requestId: string },
): Promise<void>;
