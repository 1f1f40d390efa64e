// The sync call's budget signal: it never fires before the call has made progress (every call
// applies at least one batch), fires on time after it, and says so with BudgetSpent.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { BudgetSpent, CallBudget } from "@/server/sync/call-budget";

describe("CallBudget", () => {
  it("does not stop a call that has not made progress yet, however late", async () => {
    const b = new CallBudget(10);
    await sleep(40);
    expect(b.signal.aborted).toBe(false);
    expect(() => b.check()).not.toThrow();
    // The first progress after the time is up ends the call at once.
    expect(() => b.progressed()).toThrow(BudgetSpent);
    expect(b.signal.aborted).toBe(true);
    expect(() => b.check()).toThrow(BudgetSpent);
  });

  it("after progress, the timer aborts the signal with BudgetSpent", async () => {
    const b = new CallBudget(30);
    b.progressed();
    b.progressed(); // the same listener twice: still one abort
    expect(b.signal.aborted).toBe(false);
    await sleep(80);
    expect(b.signal.aborted).toBe(true);
    expect(b.signal.reason).toBeInstanceOf(BudgetSpent);
  });

  it("without a budget never stops", async () => {
    const b = new CallBudget(undefined);
    b.progressed();
    await sleep(20);
    expect(b.signal.aborted).toBe(false);
  });
});
