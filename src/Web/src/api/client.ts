import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import type { DevelopmentPaths } from './development';
import { getToken, refuseToken } from '../auth';

export type Paths = paths & DevelopmentPaths;
export type Schemas = components['schemas'];

/** An RFC 9457 problem as the API answers it (400 with errors, 422 with guard and missing). */
export interface Problem {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  errors?: Record<string, string[]> | null;
  guard?: string | null;
  missing?: string[] | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.title ?? `HTTP ${status}`);
  }
}

export const api = createClient<Paths>({ baseUrl: location.origin });

api.use({
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A refused token sends the user back to sign-in (the dev-token probe is anonymous and never 401s) — only the
    // token in use now: a late answer to a request made with an earlier one must not sign out whoever came next.
    if (response.status === 401 && getToken() && request.headers.get('Authorization') === `Bearer ${getToken()}`) refuseToken();
    return response;
  },
});

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object') return body as Problem;
  return { status, title: typeof body === 'string' && body ? body : undefined };
}

/** Unwraps an openapi-fetch answer: the data, or an ApiError carrying the problem. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, toProblem(response.status, error));
  return data as T;
}

/** A GET with the bearer header whose answer is a file (the evidence bundle), saved as a download. */
export async function download(url: string, fileName: string, accept?: string) {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (accept) headers.Accept = accept;
  const response = await fetch(url, { headers });
  if (!response.ok) {
    if (response.status === 401 && token === getToken()) refuseToken();
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the text is shown as it is
    }
    throw new ApiError(response.status, toProblem(response.status, body));
  }
  saveBlob(await response.blob(), fileName);
}

export function saveBlob(blob: Blob, fileName: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
