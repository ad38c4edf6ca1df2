import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

describe("calendar secrets at rest (C1)", () => {
  it("seal then open gives the secret back, and the stored text does not contain it", () => {
    const sealed = sealSecret("app-password-123", "user_a");
    expect(sealed).not.toContain("app-password-123");
    expect(sealed.startsWith("v1:")).toBe(true);
    expect(openSecret(sealed, "user_a")).toBe("app-password-123");
  });

  it("each sealing uses a fresh nonce: the same secret twice is stored differently", () => {
    expect(sealSecret("same", "user_a")).not.toBe(sealSecret("same", "user_a"));
  });

  it("a ciphertext copied to another user's row does not open", () => {
    const sealed = sealSecret("secret", "user_a");
    expect(() => openSecret(sealed, "user_b")).toThrow();
  });

  it("a tampered ciphertext does not open (GCM authenticates it)", () => {
    const [version, iv, tag, body] = sealSecret("secret", "user_a").split(":");
    const flipped = Buffer.from(body!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret([version, iv, tag, flipped.toString("base64")].join(":"), "user_a")).toThrow();
  });
});
