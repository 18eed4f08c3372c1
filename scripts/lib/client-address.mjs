// Which address is the client's: the socket's, unless the socket is a trusted proxy; then the
// nearest address in X-Forwarded-For that is not itself a trusted proxy (proxy-addr, the
// module Express uses for `trust proxy`). TRUSTED_PROXIES: IPs or CIDR ranges separated by
// commas or spaces, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`. Default: none.
import proxyaddr from "proxy-addr";

/** @param {string | undefined} setting @returns {(addr: string, i: number) => boolean} */
export function compileTrust(setting) {
  const list = (setting ?? "").split(/[\s,]+/).filter(Boolean);
  return list.length === 0 ? () => false : proxyaddr.compile(list);
}

/** @param {import("node:http").IncomingMessage} req @param {(addr: string, i: number) => boolean} trust @returns {string} */
export function clientAddress(req, trust) {
  return proxyaddr(req, trust).replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}
