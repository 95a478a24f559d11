// Owns the hub admin's changes to officer accounts (activate, deactivate, role, agency) for every desk: each is a new
// officer revision from the hub (no desk), served to the desks like any officer change, audited in the admin log in
// the same transaction, and refused when it would leave no active administrator the hub knows of.
import type { Pool } from 'pg';
import type { Agency, Role } from '../../shared/contract';
import { referenceItemSchema, type ReferenceItem } from '../../shared/contract/sync';
import type { AdminLog } from '../audit/admin-log';
import { transaction } from '../db/transaction';
import { HubError } from '../http/hub-error';
import { storeItem } from './reference-log';

type OfficerItem = Extract<ReferenceItem, { kind: 'officer' }>;

/** An account as the hub admin sees it: never its password hash. */
export interface HubOfficer {
  officerNumber: string;
  name: string;
  agency: Agency;
  role: Role;
  active: boolean;
  changedAt: string;
}

export interface OfficerChange {
  active?: boolean;
  role?: Role;
  agency?: Agency;
}

export interface OfficerChangeResult {
  officer: HubOfficer;
  /** False when the account already was so: nothing stored, nothing sent. */
  changed: boolean;
}

/** One lock for every change that can take an administrator away, so two at once cannot remove the last two. */
const ADMINS_LOCK = 'officer-admins';

const shown = ({ officerNumber, name, agency, role, active, changedAt }: OfficerItem): HubOfficer => ({ officerNumber, name, agency, role, active, changedAt });
const isActiveAdmin = (o: { active: boolean; role: Role }) => o.active && o.role === 'admin';

export class OfficerAccounts {
  constructor(
    private readonly pool: Pool,
    private readonly log: AdminLog,
  ) {}

  /** Every account the hub holds, as its latest revision says, by officer number. */
  async list(): Promise<HubOfficer[]> {
    return (await this.current(this.pool)).map(shown).sort((a, b) => a.officerNumber.localeCompare(b.officerNumber));
  }

  async change(officerNumber: string, change: OfficerChange, actor: string): Promise<OfficerChangeResult> {
    const key = officerNumber.trim().toUpperCase();
    return transaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [ADMINS_LOCK]);
      const accounts = await this.current(client);
      const held = accounts.find((o) => o.officerNumber.toUpperCase() === key);
      if (!held) {
        throw new HubError('not_found', `The hub holds no account with officer number ${officerNumber}: accounts are made at a desk and reach the hub at its next sync.`);
      }
      const next: OfficerItem = { ...held, ...definedOf(change) };
      if (next.active === held.active && next.role === held.role && next.agency === held.agency) return { officer: shown(held), changed: false };
      if (isActiveAdmin(held) && !isActiveAdmin(next) && !accounts.some((o) => o !== held && isActiveAdmin(o))) {
        throw new HubError(
          'invalid_request',
          `${held.officerNumber} is the last active administrator the hub knows of: make another administrator at a desk first, so that every desk keeps one.`,
        );
      }
      // Later than the change the hub holds even when a desk's clock ran ahead: the newer change stands at every desk.
      next.changedAt = new Date(Math.max(Date.now(), Date.parse(held.changedAt) + 1)).toISOString();
      await storeItem(client, null, next);
      await this.log.append(
        actor,
        'officer.changed',
        { officerNumber: held.officerNumber, from: { active: held.active, role: held.role, agency: held.agency }, to: { active: next.active, role: next.role, agency: next.agency } },
        client,
      );
      return { officer: shown(next), changed: true };
    });
  }

  /** The latest revision of each account. */
  private async current(client: Pick<Pool, 'query'>): Promise<OfficerItem[]> {
    const rows = await client.query<{ item: string }>(
      "SELECT DISTINCT ON (item_key) item FROM reference_items WHERE kind = 'officer' ORDER BY item_key, revision DESC",
    );
    return rows.rows.flatMap((row) => {
      // A row this hub cannot read is left out here as the pull leaves it to the desks (see ReferenceLog.pull).
      const parsed = referenceItemSchema.safeParse(JSON.parse(row.item));
      return parsed.success && parsed.data.kind === 'officer' ? [parsed.data] : [];
    });
  }
}

function definedOf(change: OfficerChange): OfficerChange {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}
