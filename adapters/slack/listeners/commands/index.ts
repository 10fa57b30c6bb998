import type { App } from '@slack/bolt';
import type { ListenerContext } from '../context.js';
import { fanguaiCallback } from './fanguai.js';

export function register(app: App, ctx: ListenerContext): void {
  app.command(ctx.command, fanguaiCallback(ctx));
}
