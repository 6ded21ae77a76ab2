// The «Oversikt» tab: signs in (Teams SSO, or a local trial's dev sign-in), reads /api/oversikt and
// renders the figures, three charts and the sortable case table. Every word comes from the server's catalogue.
/* global microsoftTeams, Chart */
'use strict';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let lang = params.get('lang') || navigator.language || 'nb';
let labels = {};
let headers = {};
/** A resident's access file to fetch (the chat's «innsyn» link opens the tab on it). */
let innsynToken = '';
let rows = [];
let sort = { key: 'daysWaiting', direction: 'descending' };
const charts = {};

function setStatus(text) {
  $('status').textContent = text;
  $('status').hidden = !text;
}

/** A failure in words: beside the filters once the overview shows, else in place of it. */
function showError(text) {
  $('error').textContent = text;
  $('error').hidden = !text;
  setStatus($('overview').hidden ? text : '');
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

/** In Teams: initialised, with the user's language and theme. Outside Teams: false. */
async function joinTeams() {
  if (!window.microsoftTeams || window.parent === window) return false;
  try {
    await withTimeout(microsoftTeams.app.initialize(), 4000);
    const context = await microsoftTeams.app.getContext();
    if (!params.get('lang') && context.app && context.app.locale) lang = context.app.locale;
    if (context.app && context.app.theme && context.app.theme !== 'default') document.body.classList.add('dark');
    const subPage = (context.page && context.page.subPageId) || '';
    if (subPage.startsWith('innsyn.')) innsynToken = subPage.slice('innsyn.'.length);
    return true;
  } catch {
    return false;
  }
}

function language() {
  const tag = lang.toLowerCase();
  return tag.startsWith('nn') ? 'nn' : tag.startsWith('en') ? 'en' : 'nb';
}

function option(value, title, selected) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = title;
  if (selected) element.selected = true;
  return element;
}

function staticLabels() {
  document.documentElement.lang = language() === 'en' ? 'en' : language() === 'nn' ? 'nn' : 'nb';
  document.title = `${labels['tab.title']} – Koordinatorhjelpen`;
  $('title').textContent = labels['overview.title'];
  $('signInTitle').textContent = labels['tab.signIn.title'];
  $('signInHint').textContent = labels['tab.signIn.hint'];
  $('devUserLabel').textContent = labels['tab.signIn.user'];
  $('signInButton').textContent = labels['tab.signIn.button'];
  $('filtersTitle').textContent = labels['tab.filters'];
  $('periodLabel').textContent = labels['overview.period'];
  $('fromLabel').textContent = labels['overview.period.from'];
  $('toLabel').textContent = labels['overview.period.to'];
  $('unitLabel').textContent = labels['tab.filter.unit'];
  $('stateLabel').textContent = labels['tab.filter.state'];
  $('apply').textContent = labels['tab.filter.apply'];
  $('nowTitle').textContent = labels['overview.now'];
  $('periodTitle').textContent = labels['overview.inPeriod'];
  $('durationsTitle').textContent = labels['overview.durations'];
  $('monthsTitle').textContent = labels['tab.chart.months'];
  $('waitingTitle').textContent = labels['tab.chart.waiting'];
  $('unitsTitle').textContent = labels['tab.chart.units'];
  $('casesCaption').textContent = labels['tab.table.caption'];
  const columns = {
    reference: labels['overview.file.reference'],
    unit: labels['overview.unit'],
    coordinator: labels['overview.file.coordinator'],
    state: labels['overview.file.state'],
    daysWaiting: labels['tab.table.daysWaiting'],
  };
  for (const button of document.querySelectorAll('th button')) button.textContent = columns[button.dataset.key];
  const period = $('period');
  period.replaceChildren(...['thisYear', 'last12Months', 'range'].map((kind) => option(kind, labels[`overview.period.${kind}`], kind === 'thisYear')));
}

function query() {
  const search = new URLSearchParams({ lang: language(), period: $('period').value });
  if ($('period').value === 'range') {
    search.set('from', $('from').value);
    search.set('to', $('to').value);
  }
  if ($('unit').value) search.set('unit', $('unit').value);
  if ($('state').value) search.set('state', $('state').value);
  return search;
}

async function load() {
  setStatus(labels['tab.loading']);
  let response;
  try {
    response = await fetch(`/api/oversikt?${query()}`, { headers });
  } catch {
    return showError(labels['tab.error.failed']);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) return showError(body.error || labels['tab.error.failed']);
  showError('');
  setStatus('');
  render(body);
}

function facts(list, target) {
  target.replaceChildren(
    ...list.flatMap((line) => {
      const dt = document.createElement('dt');
      dt.textContent = line.title;
      const dd = document.createElement('dd');
      dd.textContent = line.value;
      dd.dataset.figure = line.id;
      return [dt, dd];
    }),
  );
}

function fillSelect(select, choices, keep) {
  const current = keep ? select.value : '';
  select.replaceChildren(option('', labels['tab.filter.all'], !current), ...choices.map((c) => option(c.value, c.title, c.value === current)));
}

function chart(id, config, values) {
  const canvas = $(`${id}Chart`);
  canvas.setAttribute('aria-label', `${$(`${id}Title`).textContent}. ${labels['tab.chart.summary']} ${values.join('; ')}`);
  $(`${id}Values`).replaceChildren(
    ...values.map((value) => {
      const li = document.createElement('li');
      li.textContent = value;
      return li;
    }),
  );
  if (!window.Chart) return;
  if (charts[id]) charts[id].destroy();
  const style = getComputedStyle(document.body);
  Chart.defaults.color = style.getPropertyValue('--text').trim();
  Chart.defaults.font.family = style.fontFamily;
  for (const dataset of config.data.datasets) dataset.maxBarThickness = 32;
  charts[id] = new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
}

function render(data) {
  $('overview').hidden = false;
  $('scope').textContent = data.scope;
  $('periodLine').textContent = data.periodLine;
  facts(data.lines.now, $('now'));
  facts(data.lines.period, $('inPeriod'));
  facts(data.lines.durations, $('durations'));
  fillSelect($('unit'), data.filters.units, true);
  fillSelect($('state'), data.filters.states, true);

  const accent = getComputedStyle(document.body).getPropertyValue('--accent').trim();
  const accent2 = getComputedStyle(document.body).getPropertyValue('--accent-2').trim();
  const { months, waiting, units } = data.charts;
  chart(
    'months',
    {
      type: 'bar',
      data: {
        labels: months.labels,
        datasets: [
          { label: labels['overview.reported'], data: months.reported, backgroundColor: accent },
          { label: labels['overview.closed'], data: months.closed, backgroundColor: accent2 },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
    months.labels.map((month, i) => `${month}: ${labels['overview.reported']} ${months.reported[i]}, ${labels['overview.closed']} ${months.closed[i]}`),
  );
  chart(
    'waiting',
    {
      type: 'bar',
      data: { labels: waiting.labels, datasets: [{ label: labels['tab.chart.waiting'], data: waiting.counts, backgroundColor: accent2 }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
    waiting.labels.map((label, i) => `${label}: ${waiting.counts[i]}`),
  );
  chart(
    'units',
    {
      type: 'bar',
      data: { labels: units.labels, datasets: [{ label: labels['tab.chart.units'], data: units.open, backgroundColor: accent }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
    units.labels.map((unit, i) => `${unit}: ${units.open[i]}`),
  );

  rows = data.cases;
  $('truncated').textContent = data.truncated;
  renderRows();
}

function renderRows() {
  const { key, direction } = sort;
  const factor = direction === 'ascending' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const x = a[key] ?? -1;
    const y = b[key] ?? -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nb')) * factor;
  });
  for (const th of document.querySelectorAll('th')) th.setAttribute('aria-sort', th.querySelector('button').dataset.key === key ? direction : 'none');
  if (sorted.length === 0) {
    const td = document.createElement('td');
    td.colSpan = 5;
    td.textContent = labels['tab.table.empty'];
    const tr = document.createElement('tr');
    tr.append(td);
    return $('caseRows').replaceChildren(tr);
  }
  $('caseRows').replaceChildren(
    ...sorted.map((row) => {
      const tr = document.createElement('tr');
      const reference = document.createElement('td');
      if (row.chatUrl) {
        const link = document.createElement('a');
        link.href = row.chatUrl;
        link.textContent = row.reference;
        link.title = labels['tab.table.open'];
        link.addEventListener('click', (event) => {
          if (!window.microsoftTeams || !microsoftTeams.app.isInitialized || !microsoftTeams.app.isInitialized()) return;
          event.preventDefault();
          microsoftTeams.app.openLink(row.chatUrl);
        });
        reference.append(link);
      } else reference.textContent = row.reference;
      const cell = (text, number) => {
        const td = document.createElement('td');
        td.textContent = text ?? '';
        if (number) td.className = 'number';
        return td;
      };
      tr.append(reference, cell(row.unit), cell(row.coordinator), cell(row.state), cell(row.daysWaiting === null ? '' : String(row.daysWaiting), true));
      return tr;
    }),
  );
}

async function signInAsDev(config) {
  const form = $('signIn');
  const users = config.devUsers || [];
  $('devUser').replaceChildren(...users.map((user) => option(user.value, user.title, false)));
  if (users.length === 0) $('signInHint').textContent = labels['tab.signIn.none'];
  form.hidden = false;
  setStatus('');
  return new Promise((resolve) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      form.hidden = true;
      resolve({ 'x-dev-user': $('devUser').value });
    });
  });
}

/** The access file, fetched with the signed-in person's token: the server gives it only to whoever asked for it, once. */
function offerInnsyn() {
  $('innsynTitle').textContent = labels['tab.innsyn.title'];
  $('innsynHint').textContent = labels['tab.innsyn.hint'];
  $('innsynDownload').textContent = labels['tab.innsyn.download'];
  $('innsyn').hidden = false;
  $('innsynDownload').addEventListener('click', async () => {
    $('innsynDownload').disabled = true;
    const response = await fetch(`/api/privacy/access?t=${encodeURIComponent(innsynToken)}`, { headers }).catch(() => undefined);
    if (!response || !response.ok) {
      $('innsynStatus').textContent = response ? await response.text() : labels['tab.error.failed'];
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = name ? name[1] : 'innsyn.json';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    $('innsynStatus').textContent = labels['tab.innsyn.done'];
  });
}

async function main() {
  const inTeams = await joinTeams();
  const config = await (await fetch(`/api/oversikt/config?lang=${encodeURIComponent(language())}`)).json();
  labels = config.labels;
  staticLabels();
  if (config.sso) {
    if (!inTeams) return setStatus(labels['tab.error.teams']);
    try {
      headers = { authorization: `Bearer ${await microsoftTeams.authentication.getAuthToken()}` };
    } catch {
      return setStatus(labels['tab.error.unauthorized']);
    }
  } else headers = await signInAsDev(config);
  if (innsynToken) offerInnsyn();

  $('period').addEventListener('change', () => {
    for (const field of document.querySelectorAll('.range')) field.hidden = $('period').value !== 'range';
  });
  for (const field of document.querySelectorAll('.range')) field.hidden = true;
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  for (const button of document.querySelectorAll('th button'))
    button.addEventListener('click', () => {
      const key = button.dataset.key;
      sort = { key, direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' };
      renderRows();
    });
  await load();
}

document.addEventListener('DOMContentLoaded', () => {
  main().catch(() => setStatus(labels['tab.error.failed'] || 'Error'));
});
