// What a page does when the server says the caller is not signed in: in the browser, go to the
// demo sign-in; in WeChat the caller is the bound OPENID, so the page shows the message instead.
import Taro from '@tarojs/taro';
import type { ApiError } from '../services/api';
import { ROUTES } from './nav';

export const UNBOUND_MESSAGE = '您的微信尚未绑定联席会议账号，请联系办公室';

/** true when the error was handled by leaving for the sign-in page */
export function redirectIfSignedOut(error: ApiError): boolean {
  if (error.code !== 'unauthenticated' || process.env.TARO_ENV !== 'h5') return false;
  void Taro.redirectTo({ url: ROUTES.login });
  return true;
}
