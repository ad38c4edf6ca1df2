import { afterEach, describe, expect, it, vi } from "vitest";
import { CalendarAccessError } from "./errors";
import { allowPrivateCalendarHosts, checkCalendarUrl, isPrivateAddress } from "./safe-url";

async function codeFor(raw: string, allowPrivateHosts = false): Promise<string> {
  try {
    await checkCalendarUrl(raw, { allowPrivateHosts });
    return "ok";
  } catch (error) {
    if (error instanceof CalendarAccessError) return error.code;
    throw error;
  }
}

describe("checkCalendarUrl", () => {
  it.each([
    ["https://93.184.215.14/cal.ics", "ok"],
    ["https://[2606:4700::6810:84e5]/cal.ics", "ok"],
    ["not a url", "invalid_url"],
    ["ftp://93.184.215.14/cal.ics", "invalid_url"],
    ["http://93.184.215.14/cal.ics", "invalid_url"],
    ["https://user:secret@93.184.215.14/", "invalid_url"],
    ["https://127.0.0.1/", "private_address"],
    ["https://127.8.9.10:8443/", "private_address"],
    ["https://10.0.0.1/", "private_address"],
    ["https://172.16.0.1/", "private_address"],
    ["https://172.31.255.255/", "private_address"],
    ["https://172.32.0.1/", "ok"],
    ["https://192.168.1.20/", "private_address"],
    ["https://169.254.169.254/latest/meta-data/", "private_address"],
    ["https://100.64.0.1/", "private_address"],
    ["https://100.128.0.1/", "ok"],
    ["https://0.0.0.0/", "private_address"],
    ["https://224.0.0.1/", "private_address"],
    ["https://[::1]/", "private_address"],
    ["https://[::]/", "private_address"],
    ["https://[fc00::1]/", "private_address"],
    ["https://[fd12:3456::1]/", "private_address"],
    ["https://[fe80::1]/", "private_address"],
    ["https://[ff02::1]/", "private_address"],
    ["https://[::ffff:127.0.0.1]/", "private_address"],
    ["https://[::ffff:7f00:1]/", "private_address"],
    ["https://[::ffff:10.1.2.3]/", "private_address"],
    ["https://[::ffff:93.184.215.14]/", "ok"],
    ["https://[64:ff9b::a00:1]/", "private_address"],
    // Decimal and hex IPv4 spellings are normalized by the URL parser before the check.
    ["https://2130706433/", "private_address"],
    ["https://0x7f.1/", "private_address"],
    ["https://localhost/", "private_address"],
  ])("%s → %s", async (raw, expected) => {
    expect(await codeFor(raw)).toBe(expected);
  });

  it("lets private and http addresses through when private hosts are allowed", async () => {
    expect(await codeFor("http://127.0.0.1:5232/", true)).toBe("ok");
    expect(await codeFor("https://[::1]/", true)).toBe("ok");
    expect(await codeFor("ftp://127.0.0.1/", true)).toBe("invalid_url");
  });

  it("reports a host that does not exist as unreachable", async () => {
    expect(await codeFor("https://no-such-host.invalid/")).toBe("unreachable");
  });
});

describe("isPrivateAddress", () => {
  it.each([
    ["8.8.8.8", false],
    ["2001:4860:4860::8888", false],
    ["fe80::1%eth0", true],
    ["::ffff:0:a00:1", true],
    ["not an address", true],
  ])("%s → %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe("allowPrivateCalendarHosts", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    [undefined, false],
    ["", false],
    ["0", false],
    ["1", true],
    ["true", true],
    ["TRUE", true],
  ])("%s → %s", (value, expected) => {
    if (value === undefined) vi.stubEnv("CALENDAR_ALLOW_PRIVATE_HOSTS", undefined);
    else vi.stubEnv("CALENDAR_ALLOW_PRIVATE_HOSTS", value);
    expect(allowPrivateCalendarHosts()).toBe(expected);
  });
});
