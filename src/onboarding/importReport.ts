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
  const limit = options.maxProblems ?? report.problems.length;
  const problems = report.problems.slice(0, limit).map((problem) =>
    t('import.where.line', {
      file: t(`import.file.${problem.file}`),
      fileName: problem.fileName,
      line: problem.line,
      problem: t(problem.key, problem.params),
    }),
  );
  if (report.problems.length > limit) problems.push(t('import.report.moreProblems', { count: report.problems.length - limit }));
  // Warnings stop nothing; they say where the import interpreted the file, apart from the problems, with their count.
  const warningCount = report.warnings.length;
  if (warningCount) summary.push(t(warningCount === 1 ? 'import.report.warningOne' : 'import.report.warningOther', { count: warningCount }));
  const warningLimit = options.maxProblems ?? warningCount;
  const warnings = report.warnings.slice(0, warningLimit).map((warning) =>
    t('import.where.line', {
      file: t(`import.file.${warning.file}`),
      fileName: warning.fileName,
      line: warning.line,
      problem: t(warning.key, warning.params),
    }),
  );
  if (warningCount > warningLimit) warnings.push(t('import.report.moreProblems', { count: warningCount - warningLimit }));
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
