import type { App } from '@slack/bolt';
import type { ListenerContext } from '../context.js';
import { directMessageCallback } from './direct-message.js';

export function register(app: App, ctx: ListenerContext): void {
  app.message(directMessageCallback(ctx));
}
