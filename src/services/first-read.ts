// Issue #25 "the first screen": the screen an app opens on makes its one read from the route at
// launch (app.tsx), in parallel with fetching and running the page's code, instead of after the page
// has mounted. The page's own `call` of the same read takes the answer (services/api.ts callEarly),
// so nothing else changes: one request, the same errors, the same states.
import Taro from '@tarojs/taro';
import { callEarly, getSessionToken } from './api';

interface Route {
  path: string;
  query: Record<string, string | undefined>;
}

function launchRoute(): Route | null {
  if (process.env.TARO_ENV === 'h5') {
    // hash routing (config/index.ts): #/pages/meeting/detail/index?id=…
    const [path, search] = window.location.hash.replace(/^#\/?/, '').split('?');
    return { path: path || 'pages/index/index', query: Object.fromEntries(new URLSearchParams(search ?? '')) };
  }
  try {
    const o = Taro.getLaunchOptionsSync();
    return { path: o.path, query: (o.query ?? {}) as Route['query'] };
  } catch {
    return null;
  }
}

/** The three first screens of issue #25 and the read each opens with (the same payload its page sends). */
export function startFirstRead(): void {
  // on H5 without a session the page sends the person to sign in; nothing to start
  if (process.env.TARO_ENV === 'h5' && !getSessionToken()) return;
  const route = launchRoute();
  if (!route) return;
  if (route.path === 'pages/index/index') callEarly('account.home', {});
  else if (route.path === 'pages/task/mine/index') callEarly('task.list', { scope: 'mine' });
  else if (route.path === 'pages/meeting/detail/index' && route.query.id) callEarly('meeting.get', { meetingId: route.query.id });
}
