import { describe, expect, it } from "vitest";
import { cleanSenarMessage, SenarError, senarMessageFrom, senarProblem, toAppError } from "@/server/senar/errors";

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
    expect(auth.message).toMatch(/Wrong credentials/);
    expect(toAppError(new SenarError("rejected", "Password must contain letters"))).toMatchObject({ code: "bad_request", message: "Password must contain letters" });
    const refused = toAppError(new SenarError("rejected", "x", { status: 400, senarMessage: "Collection 9 does not belong to this account." }));
    expect(refused).toMatchObject({ code: "bad_request", status: 400 });
    // Senar's words are upstream text: logged, never shown (issue 12). The status is shown.
    expect(refused.message).toBe("Senar refused the request (HTTP 400).");
    expect(toAppError(new SenarError("rejected", "x", { status: 409 }))).toMatchObject({ code: "senar_rejected", status: 502 });
  });

  it("shows a fixed message and at most the HTTP status: never upstream text or network codes", () => {
    const secretish = "ECONNREFUSED 10.0.0.5:8080 <html>internal admin</html> Collection 9 does not belong";
    const errors = [
      new SenarError("unavailable", `Senar could not be reached (${secretish})`),
      new SenarError("unavailable", `Senar answered HTTP 500`, { status: 500, senarMessage: secretish }),
      new SenarError("timeout", secretish),
      new SenarError("bad_response", secretish, { status: 200 }),
      new SenarError("authentication", secretish, { status: 401, senarMessage: secretish }),
      new SenarError("rejected", secretish, { status: 409, senarMessage: secretish }),
      new SenarError("rejected", secretish, { status: 400, senarMessage: secretish }),
      new SenarError("redirect", secretish, { status: 303 }),
      new SenarError("address_refused", secretish),
    ];
    for (const e of errors) {
      const { message } = senarProblem(e);
      expect(message).not.toMatch(/ECONN|10\.0\.0\.5|html|belong/);
      expect(toAppError(e).message).toBe(message);
    }
    expect(senarProblem(errors[1]!).message).toBe("Senar answered HTTP 500. Try again in a few minutes.");
    expect(senarProblem(errors[0]!).message).toBe("Senar could not be reached. Try again in a few minutes.");
    expect(senarProblem(errors[7]!)).toEqual({ code: "senar_bad_response", message: "Senar answered a redirect (303); redirects are refused. Check the Senar address." });
    expect(senarProblem(errors[8]!).code).toBe("bad_request");
  });
});
