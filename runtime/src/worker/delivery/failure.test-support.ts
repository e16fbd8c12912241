import { DeliveryError } from './error.ts';

/** The DeliveryError a send rejects with; anything else (or success) fails the test. */
export async function failure(send: Promise<unknown>): Promise<DeliveryError> {
  const error = await send.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DeliveryError)) throw new Error(`expected a DeliveryError: ${error}`);
  return error;
}
