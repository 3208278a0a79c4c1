// The production runtime inside a WeChat cloud function (CloudBase).
// Identity: OPENID from cloud.getWXContext(), which WeChat fills in from the signed call.
import { smsChannelFromEnv, type CloudbaseSmsApi } from '../../notify/sms';
import { systemClock } from '../../kit/clock';
import { wechatContentChecker, type MsgSecCheckApi } from '../../content/wechat';
import { consoleLog, type Runtime } from '../../kit/runtime';
import { cloudFiles, wechatCodes, type CloudFilesApi, type WxacodeApi } from './outputs';
import { CloudBaseStore, type CloudDb } from '../../store/cloudbase';
import { SubscriptionChannel, templateConfigs } from '../../notify/subscriptions';
import { wechatSender, type SubscribeMessageApi } from './subscribe';

export async function createWechatRuntime(): Promise<Runtime> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as {
    init(opts: { env: unknown }): void;
    DYNAMIC_CURRENT_ENV: unknown;
    database(): unknown;
    getWXContext(): { OPENID?: string };
    openapi: { security: MsgSecCheckApi; wxacode: WxacodeApi; subscribeMessage: SubscribeMessageApi; cloudbase?: CloudbaseSmsApi };
  } & CloudFilesApi;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const store = new CloudBaseStore(cloud.database() as CloudDb);
  // issue #10: template ids and kinds are deployment configuration (README "Subscription messages")
  const templates = templateConfigs(process.env.SUBSCRIBE_TEMPLATES);
  const sender = wechatSender(cloud.openapi.subscribeMessage, process.env.MINIPROGRAM_STATE ?? 'formal');
  return {
    store,
    clock: systemClock,
    content: wechatContentChecker(cloud.openapi.security),
    // issue #20: SMS only when SMS_PROVIDER configures it (off by default)
    channels: [new SubscriptionChannel(store, sender, templates, consoleLog), ...smsChannelFromEnv(store, process.env, { cloudbase: cloud.openapi.cloudbase }, consoleLog)],
    templates,
    files: cloudFiles(cloud, () => systemClock.now()),
    // unreleased pages need 'trial' or 'develop' (PLATFORM.md); the deployment says which
    codes: wechatCodes(cloud.openapi.wxacode, process.env.WXACODE_ENV_VERSION ?? 'release'),
    principal: () => {
      const openid = cloud.getWXContext().OPENID;
      return openid ? { kind: 'openid', openid } : null;
    },
    // A timer trigger's event is `{ Type: 'Timer', TriggerName, Time }` and carries no OPENID; a
    // client's callFunction always carries one, so a client can never pass for the timer.
    timerName: (event) => {
      const e = event as { Type?: unknown; TriggerName?: unknown } | null;
      if (!e || e.Type !== 'Timer' || typeof e.TriggerName !== 'string') return null;
      return cloud.getWXContext().OPENID ? null : e.TriggerName;
    },
    log: consoleLog,
  };
}
