// Slack payloads become the shared IncomingMessage; the shared trigger rules then strip the mention.
import { describe, expect, it } from 'vitest';
import { fromAppMention, fromDirectMessage, fromSlashCommand } from '../../../adapters/slack/to-incoming.js';
import { decideTrigger } from '../../../src/chat/trigger.js';

const rules = { prefixes: ['反拐', '/fanguai'] };

describe('Slack events as IncomingMessage', () => {
  it('an app_mention is addressed, the bot token stripped and Slack escaping undone', () => {
    const { message, target } = fromAppMention(
      { channel: 'C1', ts: '1.2', user: 'U1', text: '<@UBOT> 公安&amp;民政 &lt;谁负责&gt; 见 <https://x.cn|链接>' },
      'UBOT',
    );
    expect(target).toEqual({ channel: 'C1', threadTs: '1.2' });
    expect(decideTrigger(message, rules)).toEqual({ answer: true, via: 'mention', text: '公安&民政 <谁负责> 见 链接' });
  });

  it('the bot\'s own mention of itself is never answered', () => {
    const { message } = fromAppMention({ channel: 'C1', ts: '1.2', user: 'UBOT', text: '<@UBOT> hi' }, 'UBOT');
    expect(decideTrigger(message, rules).answer).toBe(false);
  });

  it('a DM is private: answered without a mention, not threaded unless it was in a thread', () => {
    const plain = fromDirectMessage({ channel: 'D1', ts: '1.2', user: 'U1', text: '谁负责婚姻登记' });
    expect(plain.target).toEqual({ channel: 'D1' });
    expect(decideTrigger(plain.message, rules)).toMatchObject({ answer: true, via: 'private' });
    expect(fromDirectMessage({ channel: 'D1', ts: '1.3', thread_ts: '1.2', text: 'x' }).target.threadTs).toBe('1.2');
  });

  it('a slash command is addressed wherever it is typed; an empty one asks for help', () => {
    const asked = fromSlashCommand({ channel_id: 'C1', user_id: 'U1', text: '谁负责婚姻登记' });
    expect(decideTrigger(asked, rules)).toMatchObject({ answer: true, text: '谁负责婚姻登记' });
    expect(fromSlashCommand({ channel_id: 'C1', user_id: 'U1', text: ' ' }).text).toBe('/help');
  });
});
