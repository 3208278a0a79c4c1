// The WeChat side of subscription messages (issue #10): cloud.openapi.subscribeMessage.send, which
// needs "subscribeMessage.send" in the function's config.json and throws WeChat's errCode. The SDK
// is passed in, typed by only what is called here, so tests use a stand-in.
import type { SendRequest, SubscribeSender } from '../../notify/subscriptions';

export interface SubscribeMessageApi {
  send(opts: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
    miniprogramState: string;
    lang: string;
  }): Promise<unknown>;
}

export function wechatSender(api: SubscribeMessageApi, miniprogramState: string): SubscribeSender {
  return {
    requiresOpenid: true,
    send: async (req: SendRequest) => {
      if (!req.openid) throw Object.assign(new Error('no openid'), { errCode: 40003 });
      await api.send({ touser: req.openid, templateId: req.templateId, page: req.page, data: req.data, miniprogramState, lang: 'zh_CN' });
    },
  };
}
