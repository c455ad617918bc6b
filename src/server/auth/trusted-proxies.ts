import { BlockList, isIP } from "node:net";

export type TrustedProxies = { matches(address: string): boolean; entries: string[] };

/** `TRUSTED_PROXIES`: comma-separated IPs or CIDRs ("127.0.0.1, 10.0.0.0/8, ::1"). */
export function parseTrustedProxies(raw: string): TrustedProxies {
  const list = new BlockList();
  const entries = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = "", prefix, ...extra] = entry.split("/");
    const family = isIP(address);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else {
      // Digits only: Number("") is 0, and "10.0.0.0/" must not trust every address.
      if (extra.length > 0 || !/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) throw new Error(`TRUSTED_PROXIES: "${entry}" has a bad prefix length.`);
      list.addSubnet(address, Number(prefix), type);
    }
  }
  return {
    entries,
    // BlockList matches an IPv4-mapped IPv6 address (::ffff:10.0.0.1, or ::ffff:a00:1) against
    // IPv4 rules and the other way round by itself.
    matches(address: string) {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
