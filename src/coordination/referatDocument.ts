import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Translate } from '../i18n/translate.js';
import { osloDateTime } from '../time/oslo.js';
import { meetingTime, ownerName } from './cards.js';
import type { MeetingView } from './CoordinationService.js';
import { partnerName } from './CoordinationService.js';

/**
 * The referat as a Word document for the municipality's journal system (the bot is not the
 * archive): the meeting, who came, what was agreed and the tasks. Built with `docx`; user text is
 * written as text runs, never as markup.
 */
export async function referatDocument(t: Translate, view: MeetingView): Promise<Buffer> {
  const { meeting: m, partners, brief } = view;
  const referat = m.referat;
  const name = (id: string) => {
    const partner = partners.find((p) => p.id === id);
    return partner ? partnerName(partner) : t('task.owner.gone');
  };
  const fact = (title: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${title}: `, bold: true }), new TextRun(value)] });
  const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
  const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  const children = [
    new Paragraph({ text: t('meeting.title', { kind: t(`meeting.kind.${m.kind}`), reference: m.reference }), heading: HeadingLevel.HEADING_1 }),
    fact(t('meeting.fact.resident'), brief.residentName),
    fact(t('meeting.fact.coordinator'), brief.coordinator?.name ?? ''),
    fact(t('meeting.fact.time'), meetingTime(t, m)),
    ...(m.place ? [fact(t('meeting.fact.place'), m.place)] : []),
    fact(t('meeting.fact.participants'), m.participants.map(name).join(', ') || '–'),
    ...(referat
      ? [
          fact(t('referat.attended'), referat.attended.map(name).join(', ') || '–'),
          fact(t('referat.residentPresentFact'), t(referat.residentPresent ? 'meeting.residentYes' : 'meeting.residentNo')),
          fact(t('referat.recorded'), osloDateTime(referat.recordedAt)),
        ]
      : []),
    ...(m.agenda ? [heading(t('meeting.field.agenda')), ...m.agenda.split(/\r?\n/).filter(Boolean).map(bullet)] : []),
    heading(t('referat.agreed')),
    ...(referat?.agreed ?? []).map(bullet),
    ...(view.tasks.length > 0
      ? [
          heading(t('work.tasks')),
          ...view.tasks.map((task) => bullet(`${task.what} (${ownerName(t, task.owner, partners)}, ${t('task.due', { date: task.dueOn })})`)),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      children: [new TextRun({ text: t('referat.documentFooter'), italics: true, size: 18 })],
      spacing: { before: 400 },
    }),
  ];
  return Packer.toBuffer(new Document({ creator: 'Koordinatorhjelpen', title: `${m.reference} ${t(`meeting.kind.${m.kind}`)}`, sections: [{ children }] }));
}
