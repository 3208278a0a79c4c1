// Run the COMPILED WeChat build (dist/weapp) inside Jest: miniprogram-simulate compiles the real
// wxml with WeChat's own wcc and renders it with j-component into jsdom; the shim below stands in
// for the mini-program globals (App, Page, getApp, wx) that Taro's runtime talks to.
//
// Taro pages are `Page(...)` constructors, while miniprogram-simulate only renders `Component`s, so
// `Page` is shimmed to register a component whose lifetimes call the page's lifecycle methods.
import fs from 'node:fs';
import path from 'node:path';

export const WEAPP_DIR = path.resolve(__dirname, '..', '..', 'dist', 'weapp');

/** What Taro's app.js and a page's js need in the build folder. */
const BUILD_FILES = ['app.js', 'app.json', 'runtime.js', 'taro.js', 'vendors.js', 'common.js', 'base.wxml', 'utils.wxs', 'comp.js'];

export function assertWeappBuilt(route: string, dir: string = WEAPP_DIR): void {
  if (!fs.existsSync(dir)) {
    throw new Error(`There is no WeChat build at ${dir}. Run \`npm run build:weapp\` before this test.`);
  }
  const needed = [...BUILD_FILES, `${route}.js`, `${route}.json`, `${route}.wxml`];
  const missing = needed.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new Error(
      `The WeChat build is missing or incomplete in ${dir} (no ${missing.join(', ')}). ` +
        'Run `npm run build:weapp` before this test.',
    );
  }
}

export interface CallFunctionParam {
  name: string;
  data?: Record<string, unknown>;
}

export interface WeappSimOptions {
  /** stands in for wx.cloud.callFunction (Taro.cloud is wx.cloud) */
  callFunction: (param: CallFunctionParam) => Promise<{ result: unknown; errMsg?: string }>;
  /** initial wx storage */
  storage?: Record<string, unknown>;
  /** page query, as onLoad receives it */
  query?: Record<string, string>;
  /** more of wx's API (e.g. the privacy calls, addPhoneCalendar), merged over the defaults */
  wx?: Record<string, unknown>;
}

export interface RenderedPage {
  /** the rendered text of the page, whitespace collapsed */
  text(): string;
  /** the exact text of every button on the page, in document order (a tab or a label is not a button) */
  buttons(): string[];
  /** the page's root DOM element */
  dom: Element;
  /** runs the page's onPullDownRefresh, as the user pulling down would */
  pullDownRefresh(): void;
  /** taps the button whose text is exactly `text` (WeChat's tap event, through exparser) */
  tap(text: string): void;
  detach(): void;
}

type Fn = (this: unknown, ...args: unknown[]) => unknown;
type Options = Record<string, unknown>;

/** WeChat's component framework as j-component runs it (the one of this render's module registry). */
interface Exparser {
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(target: unknown, event: unknown): void;
  };
}

interface SimComponent {
  dom: Element;
  instance: Record<string, unknown>;
  attach(parent: Element): void;
  detach(): void;
}

interface Simulate {
  load(componentPath: string, options?: { rootPath?: string; compiler?: 'official' | 'simulate' }): string;
  render(id: string, properties?: Record<string, unknown>): SimComponent;
}

const g = globalThis as unknown as Record<string, unknown>;

/** The mini-program API surface Taro's runtime touches when it boots and renders a page. */
function makeWx(options: WeappSimOptions, route: string): Record<string, unknown> {
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}));
  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 12',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 844,
    statusBarHeight: 47,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17.0',
    platform: 'devtools',
    SDKVersion: '3.4.0',
  };
  const ok = (name: string) => ({ errMsg: `${name}:ok` });
  const asyncOk =
    (name: string) =>
    (o: { success?: (r: unknown) => void; complete?: (r: unknown) => void } = {}): Promise<unknown> => {
      const r = ok(name);
      o.success?.(r);
      o.complete?.(r);
      return Promise.resolve(r);
    };
  return {
    cloud: {
      init: () => undefined,
      callFunction: options.callFunction,
    },
    getSystemInfoSync: () => systemInfo,
    // the app is launched on the page rendered (services/first-read.ts reads it while app.js runs)
    getLaunchOptionsSync: () => ({ path: route, query: options.query ?? {}, scene: 1001 }),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    stopPullDownRefresh: asyncOk('stopPullDownRefresh'),
    showToast: asyncOk('showToast'),
    redirectTo: asyncOk('redirectTo'),
    reLaunch: asyncOk('reLaunch'),
    navigateTo: asyncOk('navigateTo'),
    nextTick: (cb: () => void) => void setTimeout(cb, 0),
    ...options.wx,
  };
}

/**
 * A Taro page config as a j-component definition: its methods stay methods (the event handler `eh`
 * among them) and the page lifecycle runs from the component lifetimes, in WeChat's order.
 */
function pageAsComponent(page: Options, route: string, query: Record<string, string>): Options {
  const methods: Record<string, Fn> = {};
  for (const key of Object.keys(page)) {
    const value = page[key];
    if (typeof value === 'function') methods[key] = value as Fn;
  }
  const call = (self: Record<string, unknown>, name: string, ...args: unknown[]) => {
    const f = self[name];
    if (typeof f === 'function') (f as Fn).apply(self, args);
  };
  return {
    data: page.data ?? {},
    methods,
    lifetimes: {
      attached(this: Record<string, unknown>) {
        this.route = route;
        this.__route__ = route;
        call(this, 'onLoad', { ...query });
        call(this, 'onShow');
      },
      ready(this: Record<string, unknown>) {
        call(this, 'onReady');
      },
      detached(this: Record<string, unknown>) {
        call(this, 'onUnload');
      },
    },
  };
}

/**
 * Boots dist/weapp/app.js the way WeChat does (App, then onLaunch/onShow) and renders one page.
 * `route` is the page path without extension, e.g. 'pages/index/index'.
 */
export function renderWeappPage(route: string, options: WeappSimOptions, dir: string = WEAPP_DIR): RenderedPage {
  assertWeappBuilt(route, dir);

  // Each render gets its own module registry: Taro's runtime, j-component's registry and the
  // webpack chunk list are singletons, so a second page in the same file would otherwise reuse them.
  const booted: { comp?: SimComponent; exparser?: Exparser } = {};
  jest.isolateModules(() => {
    booted.comp = boot(route, options, dir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the instance j-component loaded in this registry
    booted.exparser = require('miniprogram-exparser') as Exparser;
  });
  const rendered = booted.comp;
  if (!rendered) throw new Error(`could not render ${route}`);
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  // attach() runs attached (onLoad, onShow) and then ready (onReady) down the tree.
  rendered.attach(parent);

  return {
    dom: rendered.dom,
    text: () => (rendered.dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
    buttons: () => Array.from(rendered.dom.querySelectorAll('wx-button')).map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()),
    pullDownRefresh: () => {
      const f = rendered.instance.onPullDownRefresh;
      if (typeof f === 'function') (f as Fn).call(rendered.instance);
    },
    tap: (text: string) => {
      const button = Array.from(rendered.dom.querySelectorAll('wx-button')).find((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim() === text);
      const node = (button as (Element & { __wxElement?: unknown }) | undefined)?.__wxElement;
      if (!node || !booted.exparser) throw new Error(`no button "${text}" on the page`);
      // as j-component's dispatchEvent does: a bubbling, composed exparser event on the element
      const { Event } = booted.exparser;
      Event.dispatchEvent(node, Event.create('tap', {}, { bubbles: true, capturePhase: true, composed: true, extraFields: { touches: {}, changedTouches: {} } }));
    },
    detach: () => {
      rendered.detach();
      parent.remove();
    },
  };
}

function boot(route: string, options: WeappSimOptions, dir: string): SimComponent {
  // wx must exist before miniprogram-simulate (which merges its API mocks into it) and before
  // Taro's runtime (which copies wx.cloud and wraps wx's functions when taro.js loads).
  g.wx = makeWx(options, route);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after wx exists (see above), so not an import
  const simulate = require('miniprogram-simulate') as Simulate;

  let app: Options | null = null;
  const pages: Options[] = [];
  g.App = (config: Options) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  const registerComponent = g.Component as (definition: Options) => void;
  g.Page = (config: Options) => registerComponent(pageAsComponent(config, route, options.query ?? {}));
  g.requirePlugin = () => ({});

  // app.js requires common, vendors, taro and runtime itself, in the order WeChat would run them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, by path at run time
  require(path.join(dir, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App(); is this a Taro build?');
  const launched: Options = app;
  const launch = { path: route, query: options.query ?? {}, scene: 1001 };
  (launched.onLaunch as Fn | undefined)?.call(launched, launch);
  (launched.onShow as Fn | undefined)?.call(launched, launch);

  // Loading the page runs its js, whose Page(...) registers the component defined above.
  const id = simulate.load(path.join(dir, route), { rootPath: dir, compiler: 'official' });
  const comp = simulate.render(id);
  pages.push(comp.instance);
  return comp;
}

/** Polls until `predicate` holds or `timeoutMs` passes (Taro's first render is asynchronous). */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, stepMs = 25): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return predicate();
}
