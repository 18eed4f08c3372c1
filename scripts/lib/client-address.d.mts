import type { IncomingMessage } from "node:http";

export type Trust = (addr: string, i: number) => boolean;
export function compileTrust(setting: string | undefined): Trust;
export function clientAddress(req: IncomingMessage, trust: Trust): string;
