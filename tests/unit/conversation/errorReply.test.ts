import { describe, expect, it } from 'vitest';
import { describeError } from '../../../src/conversation/errorReply.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError, StoreUnavailableError } from '../../../src/errors.js';
import { translator } from '../../../src/i18n/translate.js';

describe('describeError()', () => {
  const t = translator('nb');
  it('translates a field label inside the message, so a nynorsk user reads nynorsk all through', () => {
    const error = new InputError('directory entry: name too short', { key: 'directory.invalid.field', labels: { field: 'directory.edit.name' } });
    expect(describeError(error, translator('nn'), '').text).toBe(
      'Noko i skjemaet manglar eller er ugyldig: feltet «Namn på tenesta» manglar eller er ugyldig.',
    );
  });

  it.each([
    [
      new InputError('consent missing', { key: 'report.invalid.consentGiven' }),
      'Noe i skjemaet mangler eller er ugyldig: meldingen kan ikke sendes uten samtykke',
      true,
    ],
    [new NotAllowedError('x'), 'Du har ikke tilgang til dette.', true],
    [new ConflictError('x'), 'Noen andre endret dette samtidig med deg.', true],
    [new StoreUnavailableError('x'), 'jeg får ikke lagret akkurat nå', true],
    [new NotFoundError('x'), 'Du har ikke tilgang til en sak med den referansen.', true],
    [new TypeError('boom'), 'oppgi referansen ref123', false],
  ])('turns %o into a Norwegian message', (error, expected, isExpected) => {
    const reply = describeError(error, t, 'ref123');
    expect(reply.text).toContain(expected);
    expect(reply.expected).toBe(isExpected);
  });

  it('never shows internal error text for unexpected failures', () => {
    expect(describeError(new Error('SQLITE_CORRUPT at /var/data'), t, 'abc').text).not.toMatch(/SQLITE|\/var/);
  });
});
