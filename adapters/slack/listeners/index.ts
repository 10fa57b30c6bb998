// One register() per listener kind, as in Slack's bolt-ts starter.
import type { App } from '@slack/bolt';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import type { ListenerContext } from './context.js';
import * as events from './events/index.js';
import * as messages from './messages/index.js';

export function registerListeners(app: App, ctx: ListenerContext): void {
  events.register(app, ctx);
  messages.register(app, ctx);
  commands.register(app, ctx);
  actions.register(app, ctx);
}
