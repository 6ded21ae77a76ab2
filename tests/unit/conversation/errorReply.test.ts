import { describe, expect, it } from 'vitest';
import { describeError } from '../../../src/conversation/errorReply.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError, StoreUnavailableError } from '../../../src/errors.js';
import { translator } from '../../../src/i18n/translate.js';

describe('describeError()', () => {
  const t = translator('nb');
  it.each([
    [new InputError('Samtykke mangler'), 'Noe i skjemaet mangler eller er ugyldig: Samtykke mangler', true],
    [new NotAllowedError('x'), 'Du har ikke tilgang til dette.', true],
    [new ConflictError('x'), 'Noen andre endret dette samtidig med deg.', true],
    [new StoreUnavailableError('x'), 'jeg får ikke lagret akkurat nå', true],
    [new NotFoundError('x'), 'Fant ikke saken, eller du har ikke tilgang til den.', true],
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
