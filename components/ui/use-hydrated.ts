"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server HTML and until React has hydrated, then true. Buttons that work only through
 * JavaScript stay disabled until then: a click before hydration would be lost, and a form without
 * an action would submit its fields (a password) into the page URL.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
