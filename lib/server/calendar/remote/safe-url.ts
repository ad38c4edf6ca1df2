import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { CalendarAccessError, timeoutError } from "./errors";

/**
 * The server fetches whatever address a user types, so an address must not reach the app's
 * own network (the database, a cloud metadata endpoint, an admin port on localhost). Every
 * request — the first and each redirect — goes through here. A self-hosted install whose
 * calendar server sits on the LAN opts in with CALENDAR_ALLOW_PRIVATE_HOSTS.
 */
export function allowPrivateCalendarHosts(): boolean {
  const value = process.env.CALENDAR_ALLOW_PRIVATE_HOSTS?.trim().toLowerCase();
  return value === "1" || value === "true";
}

const dnsTimeoutMs = 10_000;

export async function checkCalendarUrl(raw: string, options: { allowPrivateHosts: boolean }): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CalendarAccessError("invalid_url", "That is not a web address.");
  }
  const allowedProtocols = options.allowPrivateHosts ? ["https:", "http:"] : ["https:"];
  if (!allowedProtocols.includes(url.protocol)) {
    throw new CalendarAccessError("invalid_url", "The address must start with https://.");
  }
  if (url.username || url.password) {
    throw new CalendarAccessError("invalid_url", "Put the username and password in their own fields, not in the address.");
  }
  if (options.allowPrivateHosts) return url;

  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await resolve(host);
  // Refuse if any answer is private: the connection may use any of them.
  if (addresses.some(isPrivateAddress)) {
    throw new CalendarAccessError("private_address", "Private and local addresses are not allowed.");
  }
  return url;
}

async function resolve(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(host, dnsTimeoutMs)), dnsTimeoutMs);
  });
  try {
    const answers = await Promise.race([lookup(host, { all: true, verbatim: true }), deadline]);
    return answers.map((answer) => answer.address);
  } catch (error) {
    if (error instanceof CalendarAccessError) throw error;
    throw new CalendarAccessError("unreachable", `${host} could not be found.`);
  } finally {
    clearTimeout(timer);
  }
}

// [first address, prefix length] per family; the addresses no public calendar lives at.
const privateIpv4: Array<[string, number]> = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, includes cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
];
const privateIpv6: Array<[string, number]> = [
  ["::", 128], // unspecified
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
];

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return matchesAny(ipv4Bytes(address), privateIpv4, ipv4Bytes);
  if (family !== 6) return true; // not an address we understand: refuse rather than guess
  const bytes = ipv6Bytes(address);
  const embedded = embeddedIpv4(bytes);
  if (embedded) return matchesAny(embedded, privateIpv4, ipv4Bytes);
  return matchesAny(bytes, privateIpv6, ipv6Bytes);
}

/**
 * Forms of IPv6 that reach an IPv4 host: mapped (::ffff:a.b.c.d), translated (::ffff:0:a.b.c.d),
 * compatible (::a.b.c.d, which also covers :: and ::1) and NAT64 (64:ff9b::a.b.c.d).
 */
function embeddedIpv4(bytes: number[]): number[] | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const isFfff = (at: number) => bytes[at] === 0xff && bytes[at + 1] === 0xff;
  const mapped = zeros(0, 10) && isFfff(10);
  const translated = zeros(0, 8) && isFfff(8) && zeros(10, 12);
  const compatible = zeros(0, 12);
  const nat64 = bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12);
  return mapped || translated || compatible || nat64 ? bytes.slice(12) : null;
}

function matchesAny(bytes: number[], ranges: Array<[string, number]>, parse: (address: string) => number[]): boolean {
  return ranges.some(([first, prefix]) => inPrefix(bytes, parse(first), prefix));
}

function inPrefix(bytes: number[], network: number[], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const mask = 0x80 >> bit % 8;
    const index = Math.floor(bit / 8);
    if (((bytes[index] ?? 0) & mask) !== ((network[index] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Bytes(address: string): number[] {
  return address.split(".").map(Number);
}

function ipv6Bytes(address: string): number[] {
  let text = address.split("%")[0] ?? ""; // drop a zone id (fe80::1%eth0)
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left = "", right] = text.split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  const head = groups(left);
  const tail = right === undefined ? [] : groups(right);
  const middle = new Array<string>(8 - head.length - tail.length).fill("0");
  return [...head, ...middle, ...tail].flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}
