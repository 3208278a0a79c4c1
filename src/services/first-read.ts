// Issue #25 "the first screen": the screen an app opens on makes its one read from the route at
// launch (app.tsx), in parallel with fetching and running the page's code, instead of after the page
// has mounted. The page's own `call` of the same read takes the answer (services/api.ts callEarly),
// so nothing else changes: one request, the same errors, the same states. (On H5, index.html also
// preloads the page's chunks: config/preload-pages.ts.)
import Taro from '@tarojs/taro';
import type { ActionInput } from './api';
import { callEarly, getSessionToken } from './api';
import { firstReadOf } from './first-screens';

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

export function startFirstRead(): void {
  // on H5 without a session the page sends the person to sign in; nothing to start
  if (process.env.TARO_ENV === 'h5' && !getSessionToken()) return;
  const route = launchRoute();
  const read = route ? firstReadOf(route.path, route.query) : null;
  if (!route || !read) return;
  callEarly(read.screen.action, read.payload as ActionInput<typeof read.screen.action>);
}
