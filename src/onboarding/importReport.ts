import type { Translate } from '../i18n/translate.js';
import type { ImportReport } from './ImportService.js';

/** The report of an import in words: a title, what will (or did) change, and every problem by file and line. */
export function describeImport(
  t: Translate,
  report: ImportReport,
  municipalityName: string,
  options: { maxProblems?: number } = {},
): { title: string; summary: string[]; problems: string[]; warnings: string[]; cases: string[] } {
  const stopped = report.problems.length > 0;
  const title = t(stopped ? 'import.report.stopped' : report.dryRun ? 'import.report.checked' : 'import.report.imported', { municipality: municipalityName });
  const summary: string[] = [];
  if (stopped) summary.push(t('import.report.problems', { count: report.problems.length }));
  else {
    if (report.directory) summary.push(t('import.report.directory', report.directory));
    if (report.people) summary.push(t('import.report.people', report.people));
    if (report.cases) summary.push(t('import.report.cases', { added: report.cases.added, unchanged: report.cases.unchanged }));
    if (report.reminders) summary.push(t('import.report.reminders', { count: report.reminders }));
    // What to do next: people who never wrote to the bot get notices only once the app is installed for them.
    const neverUsed = report.people?.neverUsed ?? 0;
    if (neverUsed) summary.push(t(neverUsed === 1 ? 'import.report.neverUsedOne' : 'import.report.neverUsedOther', { count: neverUsed }));
    if (report.dryRun) summary.push(t('import.report.dryRun'));
  }
  /** Each item by file and line, at most `maxProblems` of them and how many more. */
  const where = (items: ImportReport['problems']) => {
    const limit = options.maxProblems ?? items.length;
    const lines = items
      .slice(0, limit)
      .map((item) =>
        t('import.where.line', { file: t(`import.file.${item.file}`), fileName: item.fileName, line: item.line, problem: t(item.key, item.params) }),
      );
    return items.length > limit ? [...lines, t('import.report.moreProblems', { count: items.length - limit })] : lines;
  };
  const problems = where(report.problems);
  // Warnings stop nothing; they say where the import interpreted the file, apart from the problems, with their count.
  const warningCount = report.warnings.length;
  if (warningCount) summary.push(t(warningCount === 1 ? 'import.report.warningOne' : 'import.report.warningOther', { count: warningCount }));
  const warnings = where(report.warnings);
  const cases = (report.cases?.references ?? []).map((line) =>
    t(line.isNew ? 'import.report.caseLine' : 'import.report.caseLineExisting', { externalId: line.externalId, reference: line.reference || '–' }),
  );
  return { title, summary, problems, warnings, cases };
}

/** Whether confirming would change anything at all. */
export function changesAnything(report: ImportReport): boolean {
  const directory = report.directory ? report.directory.saved + report.directory.retired : 0;
  const people = report.people ? report.people.added + report.people.changed : 0;
  return directory + people + (report.cases?.added ?? 0) > 0;
}
