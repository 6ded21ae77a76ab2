import { describe, expect, it } from 'vitest';
import { osloIso, teamsMeetingLink } from '../../../src/coordination/meetingLink.js';
import { teamsLinkFor } from '../../../src/coordination/cards.js';
import { translator } from '../../../src/i18n/translate.js';
import type { Meeting } from '../../../src/coordination/CaseWork.js';

describe('osloIso()', () => {
  it.each([
    ['winter: UTC+1', '2026-12-14T08:00:00.000Z', '2026-12-14T09:00:00+01:00'],
    ['summer: UTC+2', '2027-06-14T07:00:00.000Z', '2027-06-14T09:00:00+02:00'],
    ['the night clocks go forward', '2027-03-28T01:30:00.000Z', '2027-03-28T03:30:00+02:00'],
    ['the night clocks go back', '2027-10-31T01:30:00.000Z', '2027-10-31T02:30:00+01:00'],
  ])('%s', (_name, instant, expected) => {
    expect(osloIso(instant)).toBe(expected);
  });
});

describe('teamsMeetingLink()', () => {
  const link = teamsMeetingLink({
    subject: 'Koordineringsmøte RANA-2026-0007',
    startsAt: '2026-12-14T08:00:00.000Z',
    endsAt: '2026-12-14T09:00:00.000Z',
    content: 'Møte i sak RANA-2026-0007 & mer',
    attendees: ['per.laerer@rana.kommune.no', 'kari+ip@rana.kommune.no'],
  });

  it('opens Teams’ own new-meeting form with every value percent-encoded, a space as %20', () => {
    expect(link).toBe(
      'https://teams.microsoft.com/l/meeting/new?subject=Koordineringsm%C3%B8te%20RANA-2026-0007' +
        '&startTime=2026-12-14T09%3A00%3A00%2B01%3A00&endTime=2026-12-14T10%3A00%3A00%2B01%3A00' +
        '&content=M%C3%B8te%20i%20sak%20RANA-2026-0007%20%26%20mer' +
        '&attendees=per.laerer%40rana.kommune.no,kari%2Bip%40rana.kommune.no',
    );
    expect(link).not.toContain('+');
  });

  it('leaves out attendees when nobody has an address', () => {
    expect(
      teamsMeetingLink({ subject: 's', startsAt: '2026-12-14T08:00:00.000Z', endsAt: '2026-12-14T09:00:00.000Z', content: 'c', attendees: [] }),
    ).not.toContain('attendees');
  });

  it('never carries the resident’s name or need, nor the agenda, in subject or content', () => {
    const meeting = {
      kind: 'collaboration',
      reference: 'RANA-2026-0007',
      startsAt: '2026-12-14T08:00:00.000Z',
      endsAt: '2026-12-14T09:00:00.000Z',
      agenda: 'Ola Nordmann sin skolestart',
    } as Meeting;
    for (const locale of ['nb', 'nn', 'en'] as const) {
      const url = decodeURIComponent(teamsLinkFor(translator(locale), { meeting, attendees: [] }));
      expect(url).toContain('RANA-2026-0007');
      expect(url).not.toContain('Ola');
      expect(url).not.toContain('skolestart');
    }
  });
});
