import { browser } from 'wxt/browser';
import type { MessageType, Request, Reply, Responses } from './protocol';

/** Sends a typed request to the background and unwraps its reply; a refusal becomes an Error. */
export async function sendMessage<T extends MessageType>(
  type: T,
  data: Request<T>,
): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as
    Reply<Responses[T]> | undefined;
  if (!reply) throw new Error(`No reply from the background to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
