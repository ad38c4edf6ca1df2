import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT_PATH, safeNextPath } from "./next-path";

describe("the path to go to after signing in", () => {
  const HOSTILE = [
    "/\t/example.com/c",
    decodeURIComponent("%2F%09%2Fexample.com%2Fc"),
    "/\t\\example.com",
    "/\\example.com",
    "\\\\example.com",
    "/.//example.com",
    "/./\\example.com",
    "/..//example.com",
    "/%2e//example.com",
    "//example.com",
    "///example.com",
    "/\n/example.com",
    "/\r\n/example.com",
    "/contacts\r\nSet-Cookie: x=1",
    "/contacts\u0000",
    "https://example.com/",
    "http:/example.com",
    "javascript:alert(1)",
    "example.com",
    " /contacts",
    "",
    `/${"a".repeat(600)}`,
    undefined,
    null,
    ["/contacts"],
    { pathname: "/contacts" },
  ];

  it.each(HOSTILE.map((value) => [JSON.stringify(value) ?? String(value), value]))("refuses %s", (_label, value) => {
    expect(safeNextPath(value)).toBe(DEFAULT_NEXT_PATH);
  });

  it.each([
    ["/deals", "/deals"],
    ["/contacts?q=ann&page=2", "/contacts?q=ann&page=2"],
    ["/settings/users#u1", "/settings/users#u1"],
    ["/contacts/../deals", "/deals"],
    ["/contacts/a b", "/contacts/a%20b"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });
});
