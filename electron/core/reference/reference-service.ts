// Owns the reference data a desk decides with: the checklist and country rules in use (shipped defaults until an
// admin imports a newer good file), and the watch list of recruiters' and sponsors' names, numbers and companies.
import { isDeepStrictEqual } from 'node:util';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_COUNTRY_RULES,
  shippedChecklist,
  validateChecklist,
  validateCountryRules,
  validateWatchList,
  type Checklist,
  type CountryRules,
  type WatchListFile,
} from '../../../shared/checklist';
import type { WatchListHit } from '../../../shared/contract';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/connection';
import type { EventStore } from '../events/event-store';

export type ReferenceKind = 'checklist' | 'country_rules' | 'watch_list';

/** Names, numbers and companies compared without case, spaces or punctuation. */
export function matchKey(kind: WatchListHit['kind'], value: string): string {
  const upper = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  if (kind === 'phone') return upper.replace(/\D/g, '').replace(/^(?:62|0)/, '');
  return upper.replace(/[^A-Z0-9]+/g, ' ').trim();
}

export type ImportResult = { ok: true; version: string } | { ok: false; problems: string[] };

export class ReferenceService {
  private checklistCache: Checklist | undefined;
  private countryRulesCache: CountryRules | undefined;

  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
    private readonly audit: AuditLog,
  ) {}

  checklist(): Checklist {
    this.checklistCache ??= this.latest('checklist', (json) => {
      const result = validateChecklist(json);
      return result.ok ? result.checklist : null;
    }) ?? DEFAULT_CHECKLIST;
    return this.checklistCache;
  }

  /**
   * The checklist a case was opened under: an imported file of that version, else the shipped one. A case is
   * shown and judged with its own version, so a newer checklist never re-reads an older case's answers.
   */
  checklistFor(version: string): Checklist {
    const current = this.checklist();
    if (current.version === version) return current;
    // A version this desk never held (a case synced from a desk with a newer file): the one in use is the best guess.
    return this.knownChecklist(version) ?? current;
  }

  /** The checklist of a version as this desk holds it: its imported file, else the shipped one. */
  private knownChecklist(version: string): Checklist | undefined {
    const content = this.db
      .prepare("SELECT content FROM reference_data WHERE kind = 'checklist' AND version = ? ORDER BY id DESC LIMIT 1")
      .pluck()
      .get(version) as string | undefined;
    const imported = content === undefined ? undefined : validateChecklist(JSON.parse(content));
    return imported?.ok === true ? imported.checklist : shippedChecklist(version);
  }

  countryRules(): CountryRules {
    this.countryRulesCache ??= this.latest('country_rules', (json) => {
      const result = validateCountryRules(json);
      return result.ok ? result.rules : null;
    }) ?? DEFAULT_COUNTRY_RULES;
    return this.countryRulesCache;
  }

  watchListVersion(): string {
    return (this.db.prepare("SELECT version FROM reference_data WHERE kind = 'watch_list' ORDER BY id DESC LIMIT 1").pluck().get() as string | undefined) ?? 'none';
  }

  watchListHits(candidates: { kind: WatchListHit['kind']; value: string | null | undefined }[]): WatchListHit[] {
    const find = this.db.prepare('SELECT kind, value, note, source FROM watch_list WHERE kind = ? AND match_key = ?');
    const hits: WatchListHit[] = [];
    for (const { kind, value } of candidates) {
      if (!value) continue;
      const key = matchKey(kind, value);
      if (key.length < 2) continue;
      hits.push(...(find.all(kind, key) as WatchListHit[]));
    }
    return hits;
  }

  /** Validates a file and, only when it is good, makes it the version in use. A bad file changes nothing. */
  import(kind: ReferenceKind, content: string, officerNumber: string, at: string): ImportResult {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      return { ok: false, problems: [`The file is not valid JSON: ${(error as Error).message}`] };
    }
    let version: string;
    let watchEntries: WatchListFile['entries'] = [];
    if (kind === 'checklist') {
      const result = validateChecklist(json);
      if (!result.ok) return { ok: false, problems: result.problems };
      version = result.checklist.version;
      // Cases find their checklist by version alone, so other content under a known version would re-judge every
      // case decided under it. The same file again is fine: it puts that version back in use.
      const known = this.knownChecklist(version);
      if (known !== undefined && !isDeepStrictEqual(known, result.checklist)) {
        return { ok: false, problems: [`version: checklist ${version} is already known to this desk with other content; give the changed checklist a new version`] };
      }
    } else if (kind === 'country_rules') {
      const result = validateCountryRules(json);
      if (!result.ok) return { ok: false, problems: result.problems };
      version = result.rules.version;
    } else {
      const result = validateWatchList(json);
      if (!result.ok) return { ok: false, problems: result.problems };
      version = result.list.version;
      watchEntries = result.list.entries;
    }
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO reference_data (kind, version, content, imported_at, imported_by) VALUES (?, ?, ?, ?, ?)')
        .run(kind, version, content, at, officerNumber);
      if (kind === 'watch_list') {
        this.db.prepare('DELETE FROM watch_list').run();
        const insert = this.db.prepare('INSERT INTO watch_list (kind, match_key, value, note, source) VALUES (?, ?, ?, ?, ?)');
        for (const entry of watchEntries) insert.run(entry.kind, matchKey(entry.kind, entry.value), entry.value, entry.note, entry.source);
      }
      this.events.append('reference.imported', null, officerNumber, at, { kind, version });
      this.audit.append(officerNumber, 'reference.imported', { kind, version });
    })();
    this.checklistCache = undefined;
    this.countryRulesCache = undefined;
    return { ok: true, version };
  }

  private latest<T>(kind: ReferenceKind, accept: (json: unknown) => T | null): T | null {
    const content = this.db
      .prepare('SELECT content FROM reference_data WHERE kind = ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(kind) as string | undefined;
    return content === undefined ? null : accept(JSON.parse(content));
  }
}
