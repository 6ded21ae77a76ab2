/**
 * `npm run examples`: writes templates/examples/saker.xlsx, a cases list the way a KE keeps it in
 * Excel (Norwegian headers, the labels the bot's own cards use, Norwegian dates, date cells, a
 * closing reason in the KE's own words, coordinators by e-mail, a column of the KE's own). It is
 * committed; this script says how it was made.
 */
import ExcelJS from 'exceljs';

const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('Saker');
sheet.addRow([
  'Saksnr',
  'Navn',
  'Fødselsdato',
  'Barn eller voksen',
  'Behov',
  'Tjenester',
  'Samtykke gitt av',
  'Samtykkeform',
  'Samtykkedato',
  'Status',
  'Meldt',
  'Vedtak',
  'Koordinator',
  'Enhet',
  'Oppnevnt',
  'IP startet',
  'Avsluttet',
  'Årsak',
  'Merknad',
]);
sheet.getRow(1).font = { bold: true };
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
sheet.addRow([
  'IP-2025-014',
  'Eksempel Eldre',
  date('1948-03-02'),
  'Voksen',
  'Trenger hjelp hjemme og oppfølging etter hjerneslag.',
  'testvik-hjemmetjenesten;testvik-psykisk-helse',
  'Innbyggeren selv',
  'Skriftlig',
  '01.09.2025',
  'Arbeid med individuell plan pågår',
  date('2025-09-01'),
  '10.09.2025',
  'per.hansen@testvik.kommune.no',
  'Hjemmetjenesten',
  '15.09.2025',
  '01.10.2025',
  '',
  '',
  'Ring før besøk',
]);
sheet.addRow([
  'IP-2025-021',
  'Eksempel Barn',
  date('2018-05-20'),
  'Barn',
  'Sammensatte behov i barnehage og hjemme; foreldrene ønsker én kontaktperson.',
  'testvik-helsestasjon;testvik-ppt',
  'Foreldre',
  'Skriftlig',
  '03.11.2025',
  'Oppnevnt',
  date('2025-11-03'),
  '12.11.2025',
  'ola.olsen@testvik.kommune.no',
  'Helsestasjon og skolehelsetjeneste',
  '20.11.2025',
  '',
  '',
  '',
  '',
]);
sheet.addRow([
  'IP-2024-007',
  'Eksempel Avsluttet',
  date('1975-07-07'),
  'voksen',
  'Koordinering av NAV og psykisk helse.',
  'testvik-hjemmetjenesten;testvik-psykisk-helse',
  'bruker',
  'skriftleg',
  '05.02.2024',
  'Avsluttet',
  date('2024-02-05'),
  '15.02.2024',
  'per.hansen@testvik.kommune.no',
  'Hjemmetjenesten',
  '01.03.2024',
  '15.03.2024',
  '30.06.2025',
  'Behovet er dekket',
  '',
]);
sheet.addRow([
  'IP-2024-011',
  'Eksempel Flyttet',
  date('1982-10-10'),
  'Voksen',
  'Samordning av tjenester etter ulykke.',
  'testvik-hjemmetjenesten;testvik-psykisk-helse',
  'Innbyggeren selv',
  'Muntlig',
  '10.04.2024',
  'Avsluttet',
  date('2024-04-10'),
  '20.04.2024',
  '',
  '',
  '',
  '',
  '01.09.2025',
  'Flyttet fra kommunen',
  '',
]);
await workbook.xlsx.writeFile('templates/examples/saker.xlsx');
console.log('wrote templates/examples/saker.xlsx');
