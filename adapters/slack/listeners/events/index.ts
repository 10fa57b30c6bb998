import type { App } from '@slack/bolt';
import type { ListenerContext } from '../context.js';
import { appMentionCallback } from './app-mention.js';

export function register(app: App, ctx: ListenerContext): void {
  app.event('app_mention', appMentionCallback(ctx));
}
