import { expandCard, type CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import type { ImportFileKind } from '../files/Problem.js';
import type { Translate } from '../i18n/translate.js';
import type { Municipality } from '../municipalities/Municipality.js';
import { changesAnything, describeImport } from './importReport.js';
import type { ImportReport } from './ImportService.js';

/** Problems shown on the card; the rest are counted (the command line prints them all). */
const CARD_PROBLEMS = 25;
const CARD_CASE_LINES = 30;

export const TEMPLATE_FILES: Record<ImportFileKind, string> = { directory: 'directory.csv', people: 'people.csv', cases: 'cases.csv' };

/** «importer»: how an import works, and the templates to download. */
export function importHelpCard(t: Translate, templatesUrl: string): CardAttachment {
  return expandCard('importHelp', {
    title: t('import.howTo.title'),
    body: t('import.howTo.body'),
    templatesLabel: t('import.howTo.templates'),
    templates: [
      ...(Object.keys(TEMPLATE_FILES) as ImportFileKind[]).map((kind) => ({
        title: t(`import.template.${kind}`),
        url: `${templatesUrl}/${TEMPLATE_FILES[kind]}`,
      })),
      { title: t('import.template.casesXlsx'), url: `${templatesUrl}/cases.xlsx` },
      { title: t('import.template.peopleXlsx'), url: `${templatesUrl}/people.xlsx` },
    ],
  });
}

/** What a checked or written import found; a clean check offers «Importer» with the files it checked. */
export function importReportCard(t: Translate, report: ImportReport, municipalityName: string, confirm?: { files: string; digest: string }): CardAttachment {
  const words = describeImport(t, report, municipalityName, { maxProblems: CARD_PROBLEMS });
  const cases =
    words.cases.length > CARD_CASE_LINES
      ? [...words.cases.slice(0, CARD_CASE_LINES), t('import.report.moreProblems', { count: words.cases.length - CARD_CASE_LINES })]
      : words.cases;
  const canConfirm = confirm !== undefined && report.problems.length === 0 && changesAnything(report);
  const hint = !report.dryRun || report.problems.length > 0 ? '' : canConfirm ? t('import.report.confirmHint') : t('import.report.nothingToDo');
  return expandCard('importReport', {
    title: words.title,
    summary: words.summary.map((text) => ({ text })),
    problems: words.problems.map((text) => ({ text: inert(text) })),
    warnings: words.warnings.map((text) => ({ text: inert(text) })),
    cases: cases.map((text) => ({ text: inert(text) })),
    hint,
    actions: canConfirm
      ? [
          { title: t('import.confirm'), style: 'positive', data: { verb: 'importConfirm', ...confirm } },
          { title: t('import.cancel'), style: 'default', data: { verb: 'importCancel' } },
        ]
      : [],
  });
}

/** On a tenant shared by several municipalities: which one the person works for. */
export function municipalityChoiceCard(t: Translate, options: readonly Pick<Municipality, 'id' | 'name'>[]): CardAttachment {
  return expandCard('municipalityChoice', {
    title: t('municipality.choose.title'),
    hint: t('municipality.choose.hint'),
    choices: options.map(({ id, name }) => ({ id, name })),
  });
}
