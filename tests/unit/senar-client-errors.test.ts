import { describe, expect, it } from "vitest";
import { cleanSenarMessage, SenarError, senarMessageFrom, toAppError } from "@/server/senar/errors";

describe("Senar error messages", () => {
  it("takes Senar's own words from message / error / title, or short plain text", () => {
    expect(senarMessageFrom('{"message":"  Collection 9 does not belong to this account. "}')).toBe("Collection 9 does not belong to this account.");
    expect(senarMessageFrom('{"error":{"message":"Nested"}}')).toBe("Nested");
    expect(senarMessageFrom('{"error":"invalid_grant"}')).toBe("invalid_grant");
    expect(senarMessageFrom('{"title":"One or more validation errors occurred.","status":400}')).toBe("One or more validation errors occurred.");
    expect(senarMessageFrom("Bad Request")).toBe("Bad Request");
    expect(senarMessageFrom('{"code":12}')).toBeUndefined();
    expect(senarMessageFrom("")).toBeUndefined();
  });

  it("drops HTML pages and stack traces, and caps the length at 300 characters", () => {
    expect(senarMessageFrom("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>")).toBeUndefined();
    expect(cleanSenarMessage("NullReferenceException: oops\n   at Senar.Api.Users.Get() in C:\\src\\Users.cs:line 42")).toBe("NullReferenceException: oops");
    expect(cleanSenarMessage("   at Senar.Api.Users.Get (Users.cs:42)")).toBeUndefined();
    const long = cleanSenarMessage("x".repeat(1_000));
    expect(long).toHaveLength(300);
    expect(long?.endsWith("…")).toBe(true);
  });

  it("maps each kind onto the portal's error codes with plain words", () => {
    expect(toAppError(new SenarError("unavailable", "Senar could not be reached (ECONNREFUSED)"))).toMatchObject({ code: "senar_unavailable", status: 502 });
    expect(toAppError(new SenarError("timeout", "x"))).toMatchObject({ code: "senar_timeout", status: 504 });
    expect(toAppError(new SenarError("bad_response", "x"))).toMatchObject({ code: "senar_bad_response", status: 502 });
    const auth = toAppError(new SenarError("authentication", "Senar rejected the stored credentials", { status: 401 }));
    expect(auth).toMatchObject({ code: "senar_rejected", status: 502 });
    expect(auth.message).toMatch(/credentials/);
    expect(toAppError(new SenarError("rejected", "Password must contain letters"))).toMatchObject({ code: "bad_request", message: "Password must contain letters" });
    const refused = toAppError(new SenarError("rejected", "x", { status: 400, senarMessage: "Collection 9 does not belong to this account." }));
    expect(refused).toMatchObject({ code: "bad_request", status: 400 });
    expect(refused.message).toContain("Collection 9 does not belong to this account.");
    expect(toAppError(new SenarError("rejected", "x", { status: 409 }))).toMatchObject({ code: "senar_rejected", status: 502 });
  });
});
