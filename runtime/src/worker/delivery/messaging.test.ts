import { describe, expect, it } from 'vitest';
import { DeliveryError } from './error.ts';
import { captureMessaging } from './messaging.ts';

describe('captureMessaging', () => {
  it('keeps SMS and AlimTalk messages in order, with distinct ids', async () => {
    const capture = captureMessaging();
    const sms = await capture.sendSms({ to: '01012345678', from: '029302266', text: '안녕하세요' });
    const kakao = await capture.sendAlimTalk({
      to: '01012345678',
      templateCode: 'KA01TP_WELCOME',
      text: '환영합니다',
      buttons: [{ name: '바로가기', url: 'https://example.com' }],
      senderKey: 'KA01PF_TEST',
    });
    expect(sms.providerId).not.toBe(kakao.providerId);
    expect(capture.sent.map((m) => [m.channel, m.providerId, m.text])).toEqual([
      ['sms', sms.providerId, '안녕하세요'],
      ['alimtalk', kakao.providerId, '환영합니다'],
    ]);
  });

  it('fails permanently without a number, like a real provider', async () => {
    const capture = captureMessaging();
    await expect(capture.sendSms({ to: ' ', from: '029302266', text: 'x' })).rejects.toThrow(
      DeliveryError,
    );
    await expect(capture.sendSms({ to: '', from: '1', text: 'x' })).rejects.toMatchObject({
      permanent: true,
    });
    expect(capture.sent).toEqual([]);
  });
});
