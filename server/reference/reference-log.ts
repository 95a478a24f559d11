// Owns the reference data that flows hub -> desks: checklist versions, country rules, watch lists and officer
// accounts (deactivations included), each stored as an immutable revision and served by stream cursor.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { validateChecklist, validateCountryRules, validateWatchList } from '../../shared/checklist';
import {
  SYNC_LIMITS,
  referenceItemSchema,
  type ReferenceItem,
  type ReferencePullRequest,
  type ReferencePullResponse,
  type ReferencePushResponse,
} from '../../shared/contract/sync';
import { transaction } from '../db/transaction';
import { canonicalJson } from '../events/event-log';
import { afterPosition, decodeCursor, encodeCursor } from '../events/stream-cursor';
import { HubError } from '../http/hub-error';

/** The identity an item supersedes: one officer account, or one version of one file. */
function itemKey(item: ReferenceItem): string {
  return item.kind === 'officer' ? item.officerNumber.toUpperCase() : item.version;
}

/** The file's own rules, as the desk's import applies them, plus its version agreeing with the item's. */
function fileProblems(item: ReferenceItem, index: number): string[] {
  if (item.kind === 'officer') return [];
  const result =
    item.kind === 'checklist'
      ? validateChecklist(item.content)
      : item.kind === 'country_rules'
        ? validateCountryRules(item.content)
        : validateWatchList(item.content);
  const at = (problem: string) => `items.${index} (${item.kind} ${item.version}): ${problem}`;
  if (!result.ok) return result.problems.map(at);
  const version = 'checklist' in result ? result.checklist.version : 'rules' in result ? result.rules.version : result.list.version;
  return version === item.version ? [] : [at(`the file says version ${version}`)];
}

/**
 * Stores one item as a new revision in the caller's transaction, except an exact repeat of the latest revision of its
 * key ('same') and an officer change older than the one the hub holds ('superseded').
 */
export async function storeItem(client: PoolClient, fromDeviceId: string | null, item: ReferenceItem): Promise<'stored' | 'same' | 'superseded'> {
  const key = itemKey(item);
  const text = canonicalJson(item);
  const hash = createHash('sha256').update(text).digest('hex');
  // Serialise writers of one key so that "the latest" below stays the latest until we commit.
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${item.kind}:${key}`]);
  const latest = (
    await client.query<{ item: string; content_hash: string }>(
      'SELECT item, content_hash FROM reference_items WHERE kind = $1 AND item_key = $2 ORDER BY revision DESC LIMIT 1',
      [item.kind, key],
    )
  ).rows[0];
  if (latest?.content_hash === hash) return 'same';
  if (item.kind === 'officer' && latest) {
    const held = referenceItemSchema.parse(JSON.parse(latest.item));
    if (held.kind === 'officer' && Date.parse(held.changedAt) >= Date.parse(item.changedAt)) return 'superseded';
  }
  await client.query('INSERT INTO reference_items (kind, item_key, item, content_hash, from_device_id) VALUES ($1, $2, $3, $4, $5)', [
    item.kind,
    key,
    text,
    hash,
    fromDeviceId,
  ]);
  return 'stored';
}

export class ReferenceLog {
  constructor(private readonly pool: Pool) {}

  /**
   * Stores each item as a new revision, except an exact repeat of the latest revision of its key, and an officer
   * change older than the one the hub holds (a desk that was offline must not undo a later deactivation).
   */
  async push(fromDeviceId: string | null, items: readonly ReferenceItem[]): Promise<ReferencePushResponse> {
    const problems = items.flatMap(fileProblems);
    if (problems.length > 0) throw new HubError('invalid_reference', 'Some reference data breaks its rules; nothing was stored.', { problems });
    return transaction(this.pool, async (client) => {
      let stored = 0;
      let superseded = 0;
      for (const item of items) {
        const outcome = await storeItem(client, fromDeviceId, item);
        if (outcome === 'stored') stored++;
        else if (outcome === 'superseded') superseded++;
      }
      return { stored, superseded };
    });
  }

  async pull(request: ReferencePullRequest): Promise<ReferencePullResponse> {
    const from = decodeCursor(request.cursor);
    const limit = request.limit ?? SYNC_LIMITS.maxPullLimit;
    const rows = await this.pool.query<{ tx: string; revision: number; item: string; from_device_id: string | null; stored_at: Date }>(
      `SELECT r.tx::text AS tx, r.revision, r.item, r.from_device_id, r.stored_at FROM reference_items r
        WHERE ${afterPosition('r', 'revision')} ORDER BY r.tx, r.revision LIMIT $3`,
      [from.tx, from.seq, limit + 1],
    );
    const page = rows.rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        revision: row.revision,
        // Served as stored (checked when pushed): a row this hub cannot read must not stop every desk's pull; each
        // desk reads each item on its own and refuses one it cannot take.
        item: JSON.parse(row.item) as ReferenceItem,
        fromDeviceId: row.from_device_id,
        storedAt: row.stored_at.toISOString(),
      })),
      nextCursor: last ? encodeCursor({ tx: last.tx, seq: last.revision }) : request.cursor,
      more: rows.rows.length > limit,
    };
  }
}
