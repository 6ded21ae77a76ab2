import { describe, expect, it } from 'vitest';
import { isSharedCard } from '../../../src/conversation/sharedCard.js';

const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: {} };
const placeholder =
  '<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension">\n  <span content="0" itemprop="cardId"></span>\n</span>';

describe('isSharedCard()', () => {
  it.each([
    ['a card sent with only its placeholder', { text: placeholder, attachments: [card] }, true],
    ['a card sent with no text', { text: '', attachments: [card] }, true],
    ['a card sent with words of the user', { text: `${placeholder} ring dem i morgen`, attachments: [card] }, false],
    ['words without a card', { text: 'hvem kontakter jeg for avlastning?', attachments: [] }, false],
    ['a file, not a card', { text: '', attachments: [{ contentType: 'text/csv', content: {} }] }, false],
  ])('%s: %s', (_, activity, shared) => {
    expect(isSharedCard(activity)).toBe(shared);
  });
});
