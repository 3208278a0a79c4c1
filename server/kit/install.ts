// Which runtime a function entry uses (split from runtime.ts so the WeChat runtime, which needs
// runtime.ts's types, is not imported back by it): the local host and tests install theirs; inside a
// deployed WeChat cloud function the CloudBase runtime is made on first use.
import type { Runtime } from './runtime';
// A static import, not a require() on first use: esbuild wraps every module a require() reaches (and
// all they import) in a lazy initialiser it cannot tree-shake, which put every area's schemas and
// all of zod in every function bundle. Importing the module loads no SDK: wx-server-sdk is
// required only when createWechatRuntime() runs, inside a deployed function.
import { createWechatRuntime } from '../platform/wechat/runtime';

let installed: Runtime | null = null;
let wechat: Promise<Runtime> | null = null;

/** The local host (and tests) install their runtime before calling any function entry. */
export function installRuntime(rt: Runtime | null): void {
  installed = rt;
}

export function getRuntime(): Promise<Runtime> {
  if (installed) return Promise.resolve(installed);
  // Only reached inside a deployed WeChat cloud function (the local host and tests install theirs).
  wechat ??= createWechatRuntime();
  return wechat;
}
