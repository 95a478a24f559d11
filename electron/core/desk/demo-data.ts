// Owns the demo desk's officers (one of each role and agency, with passwords listed in the README) and its codes.
// Only ever written into the separate demo database.
import type { OfficerService, NewOfficer } from '../officers/officer-service';
import type { SettingsService } from '../settings/settings-service';

export const DEMO_OFFICERS: readonly NewOfficer[] = [
  { name: 'Demo Admin', officerNumber: 'DEMO-ADMIN', agency: 'BP3MI', role: 'admin', password: 'demo-admin-2026' },
  { name: 'Siti Rahmawati (Demo)', officerNumber: 'DEMO-SPV-BP', agency: 'BP3MI', role: 'supervisor', password: 'demo-supervisor-2026' },
  { name: 'Hendra Wijaya (Demo)', officerNumber: 'DEMO-SPV-IM', agency: 'IMIGRASI', role: 'supervisor', password: 'demo-supervisor-2026' },
  { name: 'Dewi Lestari (Demo)', officerNumber: 'DEMO-BP', agency: 'BP3MI', role: 'officer', password: 'demo-petugas-2026' },
  { name: 'Agus Saputra (Demo)', officerNumber: 'DEMO-IM', agency: 'IMIGRASI', role: 'officer', password: 'demo-petugas-2026' },
];

/** The demo desk's case numbers (PLM-D01-…): set as first-run setup would, since no desk code has a default. */
export const DEMO_CODES = { airportCode: 'PLM', deskCode: 'D01' } as const;

export async function seedDemoDesk(officers: OfficerService, settings: SettingsService): Promise<void> {
  if (settings.get().deskCode === null) settings.setCodes(DEMO_CODES.airportCode, DEMO_CODES.deskCode);
  for (const officer of DEMO_OFFICERS) {
    const created = await officers.create(officer, 'demo-seed');
    if (!created.ok) throw new Error(`Could not create demo officer ${officer.officerNumber}: ${created.error.message}`);
  }
}
