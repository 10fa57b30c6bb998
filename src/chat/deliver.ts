// Send a handler's Outgoing[] through a platform: split under its limit, paced per conversation.
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

/** Send every outgoing message in order, chunk by chunk. Resolves when all are sent. */
export async function deliver(outgoing: readonly Outgoing[], options: DeliverOptions): Promise<void> {
  for (const message of outgoing) {
    for (const chunk of splitText(message.text, options.limit)) {
      await options.pacer.schedule(options.conversationId, () => options.send(chunk));
    }
  }
}
