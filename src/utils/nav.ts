// The app's pages and how to address them: page URLs with encoded queries, and query values read
// the same way on both platforms.

export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  submit: '/pages/topic/submit/index',
  mine: '/pages/topic/mine/index',
  detail: '/pages/topic/detail/index',
  inbox: '/pages/inbox/index',
  queue: '/packages/office/pages/queue/index',
  confirm: '/packages/office/pages/confirm/index',
} as const;

/** A page query value; mini-program queries arrive still percent-encoded, H5 ones decoded. */
export function queryValue(params: Record<string, string | undefined>, key: string): string {
  const raw = params[key];
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `path?k=v&…` with every value encoded; empty values are left out. */
export function pageUrl(path: string, query: Record<string, string | undefined> = {}): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}
