// /kb in chat, for administrators only (ADMIN_IDS, the console): status, reload, test.
import type { CommandPlugin } from '../chat/handler.js';
import type { LiveAssistant, ReloadResult } from '../core/live-assistant.js';
import { formatExplanation } from './format-explanation.js';
import { formatReload, formatStatus } from './format-kb.js';

export interface KbCommandOptions {
  live: Pick<LiveAssistant, 'status' | 'reload' | 'explain'>;
  /** Told of every reload and who asked for it (platform:sender), for the log. */
  onReload?: (result: ReloadResult, by: string) => void;
}

export const KB_USAGE = [
  '管理员命令：',
  '· /kb status：知识库版本、条款数、加载时间、文件',
  '· /kb reload：重新读取 knowledge/ 下的文件并上线（出错则继续使用原知识库）',
  '· /kb test 问题：命中测试，看答案是怎样排出来的',
].join('\n');

export function createKbCommand(options: KbCommandOptions): CommandPlugin {
  return {
    name: 'kb',
    // Slack keeps a message starting with / for its own commands: there it is 「kb reload」 or
    // 「/fanguai 知识库 reload」.
    aliases: ['kb', '知识库'],
    adminOnly: true,
    // Shown to everyone in /help: the one part of this feature every user takes part in.
    help: ['· 回答不对：回复「不对」（可附上正确说法），管理员会核对'],
    async run(ctx) {
      // The handler already refuses others (adminOnly); this keeps the plugin safe on its own.
      if (!ctx.isAdmin) return [{ kind: 'rejected', text: '抱歉，这个命令只有管理员可以用。' }];
      const [sub = '', ...rest] = ctx.command.args.split(/\s+/u);
      switch (sub.toLowerCase()) {
        case 'status':
        case '状态':
          return [{ kind: 'kb', text: formatStatus(options.live.status()) }];
        case 'reload':
        case '重新加载': {
          // Off the event loop: other messages are answered while it runs.
          const result = await options.live.reload();
          options.onReload?.(result, `${ctx.msg.platform}:${ctx.msg.senderId}`);
          return [{ kind: 'kb', text: formatReload(result) }];
        }
        case 'test':
        case '测试': {
          const question = rest.join(' ').trim();
          if (!question) return [{ kind: 'kb', text: '用法：/kb test 问题' }];
          return [{ kind: 'kb', text: formatExplanation(options.live.explain(question), { maxHits: 5 }) }];
        }
        case '':
          return [{ kind: 'kb', text: KB_USAGE }];
        default:
          // Named, so a typo (/kb relaod) is not mistaken for a reload that did nothing.
          return [{ kind: 'kb', text: `没有这个命令：/kb ${sub}\n${KB_USAGE}` }];
      }
    },
  };
}
