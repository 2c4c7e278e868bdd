import { useSyncExternalStore } from 'react';

// The token lives in sessionStorage only: it goes with the tab, never into the address bar or localStorage.
const KEY = 'eventhr.token';
const listeners = new Set<() => void>();

export function getToken(): string | null {
  return sessionStorage.getItem(KEY);
}

let refused = false;

export function setToken(token: string | null, refusal = false) {
  if (token) sessionStorage.setItem(KEY, token.trim());
  else sessionStorage.removeItem(KEY);
  refused = refusal;
  listeners.forEach((l) => l());
}

/** The API answered 401: back to sign-in, saying why. */
export const refuseToken = () => setToken(null, true);

export const wasRefused = () => refused;

/** The sign-out button: the next sign-in lands on its own view. */
export function signOut() {
  setToken(null);
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
}

/** Called before any view re-renders with the new token. */
export function onTokenChange(listener: () => void) {
  listeners.add(listener);
}

export function useToken(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getToken,
  );
}

/** `/app/#token=<JWT>` signs in: keep the token, then drop it from the address bar. */
export function takeTokenFromHash() {
  const hash = location.hash;
  if (!hash.startsWith('#token=')) return;
  let token = hash.slice('#token='.length).split('&')[0];
  try {
    token = decodeURIComponent(token);
  } catch {
    // a JWT needs no decoding: a stray "%" is left as it is (the API then refuses the token)
  }
  if (token) setToken(token);
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
}
