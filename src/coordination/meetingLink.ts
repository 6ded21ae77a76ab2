import { osloDateTime } from '../time/oslo.js';

/** Teams' documented deep link to its own new-meeting form: Teams sends the invitations, the bot needs no Graph permission. */
const NEW_MEETING = 'https://teams.microsoft.com/l/meeting/new';

/** An instant as ISO 8601 in Oslo's wall-clock time with its offset: «2026-12-10T09:00:00+01:00» (winter), «…+02:00» (summer). */
export function osloIso(instant: string): string {
  const wall = osloDateTime(instant).replace(' ', 'T');
  const offsetMinutes = Math.round((Date.parse(`${wall}:00Z`) - Date.parse(instant)) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${wall}:00${sign}${hours}:${minutes}`;
}

/**
 * The deep link that opens Teams' new-meeting form filled in. Subject and content are the caller's
 * words without the resident's name or need; attendees are the internal participants' user principal
 * names. Every value is percent-encoded (a space is `%20`, never `+`).
 */
export function teamsMeetingLink(meeting: { subject: string; startsAt: string; endsAt: string; content: string; attendees: readonly string[] }): string {
  const params = [
    `subject=${encodeURIComponent(meeting.subject)}`,
    `startTime=${encodeURIComponent(osloIso(meeting.startsAt))}`,
    `endTime=${encodeURIComponent(osloIso(meeting.endsAt))}`,
    `content=${encodeURIComponent(meeting.content)}`,
    // Teams splits the list at literal commas: each address is encoded on its own.
    ...(meeting.attendees.length > 0 ? [`attendees=${meeting.attendees.map(encodeURIComponent).join(',')}`] : []),
  ];
  return `${NEW_MEETING}?${params.join('&')}`;
}
