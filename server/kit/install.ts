// Which runtime a function entry uses (split from runtime.ts so the WeChat runtime, which needs
// runtime.ts's types, is not imported back by it): the local host and tests install theirs; inside a
// deployed WeChat cloud function the CloudBase runtime is made on first use.
import type { Runtime } from './runtime';

let installed: Runtime | null = null;
let wechat: Promise<Runtime> | null = null;

/** The local host (and tests) install their runtime before calling any function entry. */
export function installRuntime(rt: Runtime | null): void {
  installed = rt;
}

export function getRuntime(): Promise<Runtime> {
  if (installed) return Promise.resolve(installed);
  // Only reached inside a deployed WeChat cloud function: wx-server-sdk is loaded lazily so the
  // local host and tests never touch it.
  if (!wechat) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createWechatRuntime } = require('../platform/wechat/runtime') as typeof import('../platform/wechat/runtime');
    wechat = createWechatRuntime();
  }
  return wechat;
}
