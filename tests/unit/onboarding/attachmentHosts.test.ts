import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../../src/config.js';
import { allowedAttachment, DEFAULT_ATTACHMENT_HOSTS } from '../../../src/onboarding/routes.js';

describe('where import attachments may come from', () => {
  const hosts = [...DEFAULT_ATTACHMENT_HOSTS, 'sharepoint.us'];
  const service = 'https://smba.trafficmanager.net/emea/';
  it.each<[string, boolean]>([
    ['https://testvik.sharepoint.com/sites/ke/people.csv', true],
    ['https://testvik-my.sharepoint.com/personal/kari/people.csv', true],
    ['https://testvik.sharepoint.us/people.csv', true], // added by ATTACHMENT_HOSTS
    ['http://testvik.sharepoint.com/people.csv', false], // not HTTPS
    ['https://sharepoint.com.attacker.example/people.csv', false],
    ['https://attacker.example/people.csv', false],
    ['https://evilsharepoint.com/people.csv', false],
    ['https://smba.trafficmanager.net/emea/v3/attachments/1', true], // the channel's own service
  ])('%s: %s', (url, allowed) => {
    expect(allowedAttachment(new URL(url), service, hosts)).toBe(allowed);
  });

  it('reads ATTACHMENT_HOSTS as domains, and refuses anything else with the variable named', () => {
    expect(loadConfig({ ATTACHMENT_HOSTS: 'sharepoint.us, Files.Testvik.no' }).attachmentHosts).toEqual(['sharepoint.us', 'files.testvik.no']);
    expect(loadConfig({}).attachmentHosts).toEqual([]);
    expect(() => loadConfig({ ATTACHMENT_HOSTS: 'https://x.no/path' })).toThrow(ConfigError);
    expect(() => loadConfig({ ATTACHMENT_HOSTS: 'https://x.no/path' })).toThrow(/ATTACHMENT_HOSTS/);
  });
});
