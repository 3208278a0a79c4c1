// What a function needs at run time, chosen once per process: on WeChat the CloudBase store and
// the WeChat context; in the local host, the embedded store and the host's signed sessions.
import type { Clock } from './clock';
import type { ContentChecker } from '../content';
import type { DeliveryChannel } from '../notify/notify';
import type { TemplateConfigs } from '../notify/subscriptions';
import type { CodeMaker, FileOutlet } from './outputs';
import type { Store } from '../store/port';
import type { Log } from './log';

export { consoleLog, type Log } from './log';

/** Who the platform says is calling — never read from the payload. */
export type Principal =
  | { kind: 'openid'; openid: string }
  | { kind: 'user'; userId: string; epoch?: number }
  /** a call with nobody behind it (a timer tick); only server code makes one, never a request */
  | { kind: 'system'; name: string };

export interface Runtime {
  store: Store;
  clock: Clock;
  /** reads the caller from the platform context (the second argument of `main`) */
  principal(context: unknown): Principal | null;
  /**
   * The timer trigger's name when this invocation is a timer trigger of the platform (WeChat:
   * a `Type: 'Timer'` event with no OPENID in the context), else null.
   */
  timerName?(event: unknown): string | null;
  content: ContentChecker;
  /** delivery channels beyond the in-app inbox */
  channels: readonly DeliveryChannel[];
  /** issue #10: the subscription-message templates of this deployment (configuration) */
  templates?: TemplateConfigs;
  /** downloads an action makes (xlsx, docx) */
  files: FileOutlet;
  /** scannable codes (the door's check-in) */
  codes: CodeMaker;
  /** issue #11: who a visitor is, as far as counting their wrong invite codes goes (the client's address) */
  clientOf?(context: unknown): string | undefined;
  /** issue #11: signs a desk session for a person (the local host only; WeChat has no sessions) */
  issueSession?(personId: string, epoch: number): string;
  log: Log;
}
