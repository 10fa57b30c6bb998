// The manifest an administrator pastes must match what the code listens to, and pass Slack's own
// field limits (slackapi/manifest-schema), or creating the app fails or the bot never hears anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_SLASH_COMMAND } from '../../../adapters/slack/index.js';
import { projectRoot } from '../../../src/knowledge/paths.js';

const manifest = parse(readFileSync(join(projectRoot(), 'adapters/slack/manifest.yaml'), 'utf8'));

describe('adapters/slack/manifest.yaml', () => {
  it('declares the events, command and scopes the listeners need, in Socket Mode', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im']));
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([DEFAULT_SLASH_COMMAND]);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'chat:write', 'im:history', 'commands']));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('keeps within Slack\'s manifest field limits', () => {
    const info = manifest.display_information;
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    expect(info.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    for (const c of manifest.features.slash_commands) {
      expect(c.command).toMatch(/^\/.{1,31}$/);
      expect(c.description.length).toBeGreaterThan(0);
    }
  });
});
