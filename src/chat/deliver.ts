// Send a handler's Outgoing[] through a platform: split under its limit, paced per conversation.
// Everything one handler call produced is one reply to the pacer, so its parts stay together.
import { TEXT } from './messages.js';
import type { Pacer } from './pacer.js';
import { splitText } from './split-text.js';
import type { Outgoing } from './types.js';

export interface DeliverOptions {
  conversationId: string;
  /** Longest text one platform message may carry. */
  limit: number;
  pacer: Pacer;
  /** Sends one chunk of plain text; the adapter's only platform call. */
  send: (text: string) => Promise<unknown>;
}

/** Send every outgoing message in order, chunk by chunk; 'dropped' when the conversation's queue was full. */
export async function deliver(outgoing: readonly Outgoing[], options: DeliverOptions): Promise<'sent' | 'dropped'> {
  const parts = outgoing.flatMap((message) => splitText(message.text, options.limit).map((chunk) => () => options.send(chunk)));
  if (parts.length === 0) return 'sent';
  return options.pacer.send(options.conversationId, parts, () => options.send(TEXT.busy));
}
