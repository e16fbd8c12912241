import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from './error.ts';
import { failure } from './failure.test-support.ts';
import type { AlimTalkRequest } from './messaging.ts';
import { phoneNumber, solapiAuthorization, solapiProvider } from './solapi.ts';
import { type FakeSolapi, startFakeSolapi } from './solapi-fake.test-support.ts';

const API_KEY = 'NCSTESTKEY';
const API_SECRET = 'TESTSECRET0123456789';

const alimTalk: AlimTalkRequest = {
  to: '+82 10-1234-5678',
  templateCode: 'KA01TP_WELCOME',
  text: '홍길동님, 가입을 환영합니다.',
  buttons: [{ name: '바로가기', url: 'https://example.com/시작' }],
  fallbackSms: '홍길동님, 가입을 환영합니다.',
  senderKey: 'KA01PF_TEST',
  from: '02-930-2266',
};

describe('solapiProvider against a fake Solapi', () => {
  let fake: FakeSolapi;
  const provider = () =>
    solapiProvider({ apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: fake.baseUrl });
  beforeAll(async () => {
    fake = await startFakeSolapi(API_KEY, API_SECRET);
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.mode = 'ok';
    fake.accepted.length = 0;
    fake.refusals.length = 0;
  });

  it('sends an SMS, signed, with digits-only numbers', async () => {
    const result = await provider().sendSms({
      to: '010-1234-5678',
      from: '02 930 2266',
      text: '안녕하세요',
    });
    expect(result.providerId).toMatch(/^M4V[0-9A-F]{16}$/);
    expect(fake.refusals).toEqual([]);
    expect(fake.accepted[0]?.body).toEqual({
      message: { to: '01012345678', from: '029302266', text: '안녕하세요' },
    });
  });

  it('sends an AlimTalk with kakaoOptions and the SMS fallback on', async () => {
    const result = await provider().sendAlimTalk(alimTalk);
    expect(result.providerId).toMatch(/^M4V/);
    expect(fake.accepted[0]?.body.message).toEqual({
      to: '01012345678',
      from: '029302266',
      text: '홍길동님, 가입을 환영합니다.',
      type: 'ATA',
      kakaoOptions: {
        pfId: 'KA01PF_TEST',
        templateId: 'KA01TP_WELCOME',
        disableSms: false,
        buttons: [
          {
            buttonType: 'WL',
            buttonName: '바로가기',
            linkMo: 'https://example.com/시작',
            linkPc: 'https://example.com/시작',
          },
        ],
      },
    });
  });

  it('turns the fallback off when there is no fallback text', async () => {
    const { fallbackSms: _fallback, from: _from, ...noFallback } = alimTalk;
    await provider().sendAlimTalk(noFallback);
    const message = fake.accepted[0]?.body.message as { kakaoOptions: { disableSms: boolean } };
    expect(message.kakaoOptions.disableSms).toBe(true);
    expect(message).not.toHaveProperty('from');
  });

  it('is refused by the fake when the secret is wrong: a set-up problem, so temporary', async () => {
    const wrong = solapiProvider({ apiKey: API_KEY, apiSecret: 'wrong', baseUrl: fake.baseUrl });
    const error = await failure(wrong.sendSms({ to: '01012345678', from: '029302266', text: 'x' }));
    expect(fake.refusals).toEqual(['SignatureDoesNotMatch']);
    expect(error).toMatchObject({ permanent: false, status: 401, code: 'SignatureDoesNotMatch' });
  });

  it('classifies an invalid number (400) as permanent', async () => {
    fake.mode = 'invalid-number';
    const error = await failure(
      provider().sendSms({ to: '01012345678', from: '029302266', text: 'x' }),
    );
    expect(error).toMatchObject({ permanent: true, status: 400, code: 'ValidationError' });
    expect(error.message).toContain('수신번호');
  });

  it('classifies a refused status in a 200 answer as permanent', async () => {
    fake.mode = 'refused-status';
    const error = await failure(provider().sendAlimTalk(alimTalk));
    expect(error).toMatchObject({ permanent: true, code: '3059' });
  });

  it('classifies a 500 and a dropped connection as temporary', async () => {
    fake.mode = 'server-error';
    const serverError = await failure(
      provider().sendSms({ to: '01012345678', from: '029302266', text: 'x' }),
    );
    expect(serverError).toMatchObject({ permanent: false, status: 500, code: 'InternalError' });
    fake.mode = 'hang-up';
    const hangUp = await failure(
      provider().sendSms({ to: '01012345678', from: '029302266', text: 'x' }),
    );
    expect(hangUp).toMatchObject({ permanent: false, code: 'network' });
  });

  it('refuses a malformed number before calling, permanently', async () => {
    const error = await failure(
      provider().sendSms({ to: 'call me', from: '029302266', text: 'x' }),
    );
    expect(error).toMatchObject({ permanent: true, code: 'invalid_number' });
    expect(fake.accepted).toEqual([]);
  });

  it('times out, temporarily, on a provider that does not answer', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const slow = solapiProvider({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 200,
    });
    const error = await failure(slow.sendSms({ to: '01012345678', from: '029302266', text: 'x' }));
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    expect(error).toMatchObject({ permanent: false, code: 'timeout' });
  });
});

describe('solapiAuthorization', () => {
  it('signs date + salt with the secret, in hex', () => {
    const header = solapiAuthorization('KEY', 'SECRET', '2019-07-01T00:41:48Z', 'jqsba2jxjnrjor');
    const expected = createHmac('sha256', 'SECRET')
      .update('2019-07-01T00:41:48Zjqsba2jxjnrjor')
      .digest('hex');
    expect(header).toBe(
      `HMAC-SHA256 apiKey=KEY, date=2019-07-01T00:41:48Z, salt=jqsba2jxjnrjor, signature=${expected}`,
    );
    expect(solapiAuthorization('KEY', 'SECRET')).not.toBe(solapiAuthorization('KEY', 'SECRET'));
  });
});

describe('phoneNumber', () => {
  it('keeps digits and turns +82 into the domestic 0', () => {
    expect(phoneNumber('010-1234-5678')).toBe('01012345678');
    expect(phoneNumber('+82 10 1234 5678')).toBe('01012345678');
    expect(phoneNumber('+82 (0)10-1234-5678')).toBe('01012345678');
    expect(phoneNumber('(02) 930.2266')).toBe('029302266');
    expect(() => phoneNumber('')).toThrow(DeliveryError);
    expect(() => phoneNumber('010-CALL-ME')).toThrow(DeliveryError);
  });
});
