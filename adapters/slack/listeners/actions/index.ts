import type { App, BlockButtonAction } from '@slack/bolt';
import { FLAG_WRONG_ACTION } from '../../flag-button.js';
import type { ListenerContext } from '../context.js';
import { flagWrongCallback } from './flag-wrong.js';

export function register(app: App, ctx: ListenerContext): void {
  // Without somewhere to record flags the button is never shown, so there is nothing to listen to.
  if (ctx.flagWrong) app.action<BlockButtonAction>(FLAG_WRONG_ACTION, flagWrongCallback(ctx));
}
