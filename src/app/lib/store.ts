/**
 * The old names of lib/observable.ts, kept only for the install feature's files
 * (components/install-banner, pwa/install-capture, routes/settings/install-section),
 * which another branch is reworking at the same time. Delete this module once they
 * import lib/observable; nothing else may use it.
 */
export type { Observable as Store } from './observable';
export { createObservable as createStore, useObservable as useStore } from './observable';
