import type { IncomingMessage } from "node:http";
import { expect, it } from "vitest";
import { clientAddress, compileTrust } from "@/scripts/lib/client-address.mjs";

const request = (socket: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: socket }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as unknown as IncomingMessage;

it("a direct client cannot pick its address: without TRUSTED_PROXIES the socket's address is the client's", () => {
  const trust = compileTrust(undefined);
  expect(clientAddress(request("198.51.100.7", "203.0.113.66"), trust)).toBe("198.51.100.7");
  expect(clientAddress(request("::ffff:198.51.100.7", "203.0.113.66, 10.0.0.1"), trust)).toBe("198.51.100.7");
  expect(clientAddress(request("2001:db8::5", "203.0.113.66"), compileTrust(""))).toBe("2001:db8::5");
  // A proxy that is not listed is a client like any other.
  expect(clientAddress(request("10.0.0.9", "203.0.113.66"), compileTrust("10.0.0.1"))).toBe("10.0.0.9");
});

it("behind a trusted proxy, the client is the nearest untrusted address it forwarded; earlier claims are ignored", () => {
  const trust = compileTrust("10.0.0.0/8, 192.0.2.1");
  // The client claimed 203.0.113.66; the proxy appended what it saw.
  expect(clientAddress(request("10.0.0.1", "203.0.113.66, 198.51.100.7"), trust)).toBe("198.51.100.7");
  // Two trusted hops.
  expect(clientAddress(request("192.0.2.1", "203.0.113.66, 198.51.100.7, 10.1.2.3"), trust)).toBe("198.51.100.7");
  expect(clientAddress(request("::ffff:10.0.0.1", "198.51.100.7"), trust)).toBe("198.51.100.7");
  // A trusted proxy that forwarded nothing: the proxy itself.
  expect(clientAddress(request("10.0.0.1"), trust)).toBe("10.0.0.1");
  expect(clientAddress(request("127.0.0.1", "198.51.100.7"), compileTrust("loopback"))).toBe("198.51.100.7");
});

it("refuses a TRUSTED_PROXIES entry that is not an address or a range", () => {
  expect(() => compileTrust("10.0.0.0/8, proxy.example")).toThrow();
});
