// One register() per listener kind, as in Slack's bolt-ts starter.
import type { App } from '@slack/bolt';
import * as commands from './commands/index.js';
import type { ListenerContext } from './context.js';
import * as events from './events/index.js';
import * as messages from './messages/index.js';

export function registerListeners(app: App, ctx: ListenerContext): void {
  events.register(app, ctx);
  messages.register(app, ctx);
  commands.register(app, ctx);
}
