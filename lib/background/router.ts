/**
 * The one runtime.onMessage listener. Every message is checked before a handler sees it: a known
 * `type`, the right sender, `data` valid against its schema. A refused message writes nothing.
 */
import * as v from 'valibot';
import {
  messageOrigin,
  requestSchemas,
  type MessageType,
  type Reply,
  type Request,
  type Responses,
} from '../messages/protocol';
import { isStorageFailure } from '../db/storage-error';
import { senderProblem, type Sender } from './sender';

export interface MessageContext {
  sender: Sender;
  /** The sending tab, for content scripts (and extension pages opened in a tab). */
  tabId: number | undefined;
  incognito: boolean;
}

export type Handler<T extends MessageType> = (
  data: Request<T>,
  context: MessageContext,
) => Promise<Responses[T]>;

/** One plain async function per message type, all registered in one place. */
export type Handlers = { [T in MessageType]: Handler<T> };

export interface RouterDeps {
  /** Keeps a storage failure's message for `getStatus.storageError`. */
  onStorageError?(message: string): Promise<void>;
}

type Checked = { ok: true; type: MessageType; data: unknown } | { ok: false; error: string };

function checkEnvelope(message: unknown): Checked {
  if (typeof message !== 'object' || message === null || !('type' in message)) {
    return { ok: false, error: 'Refused a message that is not a {type, data} request' };
  }
  const { type } = message;
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) {
    return {
      ok: false,
      error: `Refused a message of unknown type ${JSON.stringify(type).slice(0, 80)}`,
    };
  }
  return {
    ok: true,
    type: type as MessageType,
    data: 'data' in message ? message.data : undefined,
  };
}

export function createRouter(handlers: Handlers, deps: RouterDeps = {}) {
  async function dispatch<T extends MessageType>(
    type: T,
    data: unknown,
    sender: Sender,
  ): Promise<Reply<Responses[T]>> {
    const problem = senderProblem(messageOrigin[type], sender);
    if (problem) {
      const from =
        messageOrigin[type] === 'content'
          ? 'the content script on huggingface.co/papers pages'
          : "the extension's own pages";
      return {
        ok: false,
        error: `Refused ${type}: it is accepted only from ${from}, and ${problem}`,
      };
    }
    const parsed = v.safeParse(requestSchemas[type], data, { abortEarly: true });
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = v.getDotPath(issue) ?? 'data';
      return { ok: false, error: `Refused ${type}: invalid data at ${path}: ${issue.message}` };
    }
    const context = { sender, tabId: sender.tab?.id, incognito: sender.tab?.incognito === true };
    try {
      return { ok: true, data: await handlers[type](parsed.output as Request<T>, context) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isStorageFailure(error)) await deps.onStorageError?.(message).catch(() => undefined);
      return { ok: false, error: message };
    }
  }

  /** Answers one message; never throws. */
  async function handle(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    const checked = checkEnvelope(message);
    if (!checked.ok) return checked;
    return dispatch(checked.type, checked.data, sender);
  }

  /**
   * Returns the reply promise when called without `sendResponse` (wxt 0.21's fake browser), else
   * answers through `sendResponse` and returns true to keep the channel open (toolchain.md).
   */
  function listener(
    message: unknown,
    sender: Sender,
    sendResponse?: (reply: Reply<unknown>) => void,
  ): Promise<Reply<unknown>> | true {
    const reply = handle(message, sender);
    if (typeof sendResponse !== 'function') return reply;
    void reply.then(sendResponse);
    return true;
  }

  return { handle, listener };
}
