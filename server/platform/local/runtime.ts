// The runtime of the local host: the embedded store, the (development) clock, and identity from
// the host's signed session token, which the host passes as the function's context.
import { systemClock, type Clock } from '../../kit/clock';
import type { ContentChecker } from '../../content';
import { consoleLog, type Principal, type Runtime } from '../../kit/runtime';
import { signSession, verifySessionEpoch } from '../../security/session';
import type { CodeMaker, FileOutlet } from '../../kit/outputs';
import type { Store } from '../../store/port';
import { smsChannelFromEnv, type SmsSender } from '../../notify/sms';
import { localTemplateConfigs, SubscriptionChannel, templateConfigs, type SubscribeSender } from '../../notify/subscriptions';

/** What the host hands a function as `context`: the raw bearer token, verified here. */
export interface HostContext {
  sessionToken?: string;
  /** development only (loopback, not production): a request handled as a WeChat call from this openid */
  devOpenid?: string;
  /** the client's address, for counting a visitor's wrong invite codes (never stored as such) */
  client?: string;
}

export function createLocalRuntime(opts: {
  store: Store; clock: Clock; secret: string; content: ContentChecker; files: FileOutlet; codes: CodeMaker; quiet?: boolean;
  /** issue #10: where subscription messages go (the host's dev outbox) */
  sender: SubscribeSender;
  /** issue #20: the SMS stand-in (used when SMS_PROVIDER=dev) */
  sms?: SmsSender;
}): Runtime {
  const log: Runtime['log'] = opts.quiet ? (level, message, extra) => level === 'error' && consoleLog(level, message, extra) : consoleLog;
  // every template, one-time, unless the deployment's configuration is given (SUBSCRIBE_TEMPLATES)
  const templates = process.env.SUBSCRIBE_TEMPLATES ? templateConfigs(process.env.SUBSCRIBE_TEMPLATES) : localTemplateConfigs();
  return {
    store: opts.store,
    clock: opts.clock,
    content: opts.content,
    channels: [new SubscriptionChannel(opts.store, opts.sender, templates, log), ...smsChannelFromEnv(opts.store, process.env, { dev: opts.sms }, log)],
    templates,
    files: opts.files,
    codes: opts.codes,
    principal(context: unknown): Principal | null {
      const ctx = context as HostContext | undefined;
      // the same path as getWXContext(): the host admits the header only in development on loopback
      if (ctx?.devOpenid) return { kind: 'openid', openid: ctx.devOpenid };
      const token = ctx?.sessionToken;
      if (!token) return null;
      // Session expiry is security, not a rule: it runs on real time even when the dev clock is moved.
      const session = verifySessionEpoch(opts.secret, token, systemClock.now());
      return session ? { kind: 'user', userId: session.userId, epoch: session.epoch } : null;
    },
    issueSession: (personId, epoch) => signSession(opts.secret, personId, systemClock.now(), epoch),
    clientOf: (context) => (context as HostContext | undefined)?.client,
    log,
  };
}
