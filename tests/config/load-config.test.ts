import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { DEFAULT_PREFIXES, loadConfig } from '../../src/config/load-config.js';
import { PLATFORMS } from '../../adapters/index.js';

const cwd = '/srv/fanguai';

function fails(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs the console with defaults when nothing is set', () => {
    const config = loadConfig({}, cwd);
    expect(config.platforms).toEqual(['console']);
    expect(config.dataDir).toBe(join(cwd, 'data'));
    expect(config.knowledgeDir.endsWith('knowledge')).toBe(true);
    expect(config.prefixes).toEqual(DEFAULT_PREFIXES);
    expect(config.logLevel).toBe('info');
    expect(config.settings).toEqual({ console: { explicit: false } });
  });

  it('reads WeChat settings and treats empty values as unset', () => {
    const config = loadConfig(
      {
        WECHATY_PUPPET: 'wechaty-puppet-service',
        WECHATY_PUPPET_SERVICE_TOKEN: 'tok',
        WECHAT_PREFIX: '反拐, /fg',
        WECHAT_ROOM_ALLOWLIST: '反拐工作群，培训群',
        WECHAT_MIN_SEND_INTERVAL_MS: '2000',
        ADMIN_IDS: 'wechat:wxid_a,slack:U123',
        DATA_DIR: '/var/lib/fanguai',
        SLACK_API_URL: '',
        LOG_LEVEL: 'DEBUG',
      },
      cwd,
    );
    expect(config.platforms).toEqual(['wechat']);
    expect(config.settings.wechat).toEqual({ puppet: 'wechaty-puppet-service', token: 'tok', roomAllowlist: ['反拐工作群', '培训群'], minSendIntervalMs: 2000 });
    expect(config.prefixes).toEqual(['反拐', '/fg']);
    expect(config.adminIds).toEqual(['wechat:wxid_a', 'slack:U123']);
    expect(config.dataDir).toBe('/var/lib/fanguai');
    expect(config.logLevel).toBe('debug');
  });

  it('chooses Slack HTTP or Socket Mode, and runs both platforms when both are configured', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8080' }, cwd)).toMatchObject({
      platforms: ['slack'],
      settings: { slack: { mode: 'http', botToken: 'xoxb-1', signingSecret: 's', port: 8080 } },
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, cwd).settings.slack?.port).toBe(3000);
    const both = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', WECHATY_PUPPET: 'wechaty-puppet-wechat4u', SLACK_API_URL: 'http://127.0.0.1:9/api/' }, cwd);
    expect(both.platforms).toEqual(['wechat', 'slack']);
    expect(both.settings.slack).toMatchObject({ mode: 'socket', apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it('names the variable at fault in one line', () => {
    for (const [env, variable] of [
      [{ PORT: 'abc' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
      [{ WECHAT_MIN_SEND_INTERVAL_MS: '-5' }, 'WECHAT_MIN_SEND_INTERVAL_MS'],
      [{ SLACK_API_URL: 'slack.com' }, 'SLACK_API_URL'],
      [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
      [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
      [{ WECHATY_PUPPET: 'wechaty-puppet-service' }, 'WECHATY_PUPPET_TOKEN'],
      [{ CONSOLE: 'maybe' }, 'CONSOLE'],
      [{ CONSOLE: '0' }, 'CONSOLE'],
      [{ ADMIN_IDS: 'wechat:wxid_a,slak:U123' }, 'ADMIN_IDS'],
    ] as const) {
      const error = fails(env);
      expect(error.variable).toBe(variable);
      expect(error.message).toContain(variable);
      expect(error.message).not.toContain('\n');
    }
    expect(fails({ PORT: 'abc' }).message).toBe('Configuration error: PORT must be a port number from 0 to 65535 (got "abc")');
  });

  it('runs the console beside chat platforms only when CONSOLE=1', () => {
    expect(loadConfig({ WECHATY_PUPPET: 'wechaty-puppet-mock' }, cwd).platforms).toEqual(['wechat']);
    expect(loadConfig({ WECHATY_PUPPET: 'wechaty-puppet-mock', CONSOLE: '1' }, cwd).platforms).toEqual(['console', 'wechat']);
  });

  it('accepts admin ids of every registered platform, and names them when one is misspelt', () => {
    for (const platform of PLATFORMS) expect(loadConfig({ ADMIN_IDS: `${platform}:someone` }, cwd).adminIds).toEqual([`${platform}:someone`]);
    expect(fails({ ADMIN_IDS: 'wecha:wxid_a' }).message).toContain(PLATFORMS.join(', '));
  });

  it('never echoes secrets', () => {
    const error = fails({ SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_API_URL: 'nope' });
    expect(error.message).not.toContain('xoxb-secret');
  });
});
