import { z } from 'zod';
import { method } from './define.ts';

/**
 * Who the user is, as far as this program may know. The program never sees the platform user id:
 * its backend learns the per-app openid (and the merchant-wide unionid) by exchanging a login code.
 */
export const auth = {
  /**
   * Gets a single-use login code, valid for 5 minutes, that the merchant's backend exchanges with
   * its app secret for the user's openid and unionid. Needs no scope and asks the user nothing.
   * @example
   * const { code } = await auth.login();
   * await net.request({ url: 'https://api.example.com/login', method: 'POST', body: { code } });
   */
  login: method({
    args: z.undefined().optional(),
    result: z.object({ code: z.string().min(1).max(128) }),
  }),
  /**
   * Gets the user's nickname and avatar, asking for their consent in a host-drawn prompt the first time.
   * @example
   * const { nickname, avatarUrl } = await auth.getUserProfile();
   * this.setData({ nickname, avatarUrl });
   */
  getUserProfile: method({
    args: z.undefined().optional(),
    result: z.object({ nickname: z.string().max(64), avatarUrl: z.string().max(1024) }),
    scope: 'userInfo',
  }),
  /**
   * Gets the user's phone number in E.164 form, asking for their consent in a host-drawn prompt the first time.
   * @example
   * const { phoneNumber } = await auth.getPhoneNumber();
   * this.setData({ phoneNumber });
   */
  getPhoneNumber: method({
    planned: true,
    args: z.undefined().optional(),
    result: z.object({ phoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number like "+8613800138000"') }),
    scope: 'phone',
  }),
};
