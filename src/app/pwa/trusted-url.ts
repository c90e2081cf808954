import type { TrustedScriptURL, TrustedTypesWindow } from 'trusted-types/lib';

/**
 * The one Trusted Types policy this app creates. The CSP says
 * `require-trusted-types-for 'script'; trusted-types qilu-sw`, so registering a
 * service worker needs a TrustedScriptURL and only a policy by this name may make
 * one. It vouches for exactly one URL: the same-origin worker script.
 */
const POLICY_NAME = 'qilu-sw';

let policy: { createScriptURL(input: string): TrustedScriptURL } | undefined;

/**
 * `path` (e.g. `/sw.js`) as a value `navigator.serviceWorker.register()` accepts
 * under the CSP: a TrustedScriptURL where the browser enforces Trusted Types, the
 * plain absolute URL elsewhere (no enforcement, so nothing to satisfy).
 *
 * The policy is created once (the CSP forbids a second policy of the same name)
 * for the first path asked for, and refuses any other URL, so nothing else in the
 * page can launder a script URL through it.
 */
export function trustedWorkerUrl(path: string): string | TrustedScriptURL {
  const allowed = new URL(path, location.origin).href;
  // The types leave `trustedTypes` off Window on purpose (not every browser has it).
  const factory = (window as Partial<TrustedTypesWindow>).trustedTypes;
  if (!factory) return allowed;
  policy ??= factory.createPolicy(POLICY_NAME, {
    createScriptURL(input: string): string {
      const url = new URL(input, location.origin);
      if (url.href !== allowed) throw new TypeError(`${POLICY_NAME} refuses ${url.href}`);
      return url.href;
    },
  });
  return policy.createScriptURL(path);
}
