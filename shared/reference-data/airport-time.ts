// Owns what time it is at an Indonesian airport: the zone of each airport of the list (WIB, WITA, WIT) and a moment
// written in that zone, whatever zone the desk PC is set to. A slip handed to a traveller must carry the time of the
// airport it was printed at, named as Indonesians name it (WIB), not the PC's idea of local time.

export type AirportTime = {
  /** IANA zone, as Intl takes it. */
  zone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura' | 'UTC';
  /** How the time is labelled on paper. */
  label: 'WIB' | 'WITA' | 'WIT' | 'UTC';
};

const WIB: AirportTime = { zone: 'Asia/Jakarta', label: 'WIB' };
const WITA: AirportTime = { zone: 'Asia/Makassar', label: 'WITA' };
const WIT: AirportTime = { zone: 'Asia/Jayapura', label: 'WIT' };
const UTC: AirportTime = { zone: 'UTC', label: 'UTC' };

// UU/Keppres 41/1987 (Pembagian Wilayah Republik Indonesia menjadi 3 Wilayah Waktu): WITA is Bali, the Nusa Tenggaras,
// Sulawesi and East, South and North Kalimantan; WIT is Maluku and Papua; the rest (Sumatra, Java, West and Central
// Kalimantan) is WIB. Airports of shared/reference-data/airports.ts in Indonesia not named here are WIB.
const WITA_AIRPORTS = ['DPS', 'UPG', 'BPN', 'BDJ', 'MDC', 'LOP', 'KOE', 'LBJ', 'ENE', 'MOF', 'BMU', 'TMC', 'WGP', 'PLW', 'KDI', 'GTO', 'LUW', 'MJU', 'BUW', 'TRK', 'AAP', 'BEJ'];
const WIT_AIRPORTS = ['AMQ', 'TTE', 'DJJ', 'TIM', 'BIK', 'SOQ', 'MKQ', 'MKW', 'WMX', 'NBX', 'FKQ'];
const WIB_AIRPORTS = [
  'CGK', 'HLP', 'PLM', 'SUB', 'KNO', 'BTH', 'PKU', 'PDG', 'BTJ', 'PNK', 'YIA', 'JOG', 'SRG', 'SOC', 'KJT', 'BDO', 'MLG', 'BWX', 'TNJ', 'DJB', 'BKS',
  'TKG', 'PGK', 'TJQ', 'LLJ', 'DTB', 'FLZ', 'GNS', 'LSW', 'SBG', 'MEQ', 'KRC', 'RGT', 'DUM', 'NTX', 'PKY', 'KTG',
];

/**
 * The zone of an Indonesian airport by its IATA code. A code outside the list gets UTC, labelled so: a wrong local
 * time printed as if it were right is worse than a time that says which clock it is.
 */
export function airportTime(iata: string): AirportTime {
  const code = iata.trim().toUpperCase();
  if (WIB_AIRPORTS.includes(code)) return WIB;
  if (WITA_AIRPORTS.includes(code)) return WITA;
  if (WIT_AIRPORTS.includes(code)) return WIT;
  return UTC;
}

/** A moment as the airport's clock shows it, dd/mm/yyyy and 24-hour time with the zone: 03/12/2026 17.05 WIB. */
export function airportDateTime(instant: string | Date, iata: string): string {
  const { zone, label } = airportTime(iata);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // Indonesian writes the time with a full stop (17.05); the slip's dates follow the desk's dd/mm/yyyy.
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}.${part('minute')} ${label}`;
}

/** The airport's calendar day of a moment, as YYMMDD: the day a case number carries, whatever the PC's zone. */
export function airportDayCode(instant: Date, iata: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: airportTime(iata).zone, day: '2-digit', month: '2-digit', year: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}
