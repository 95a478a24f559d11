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
import type { ReferenceKind, RefusalReason, WatchListHit } from '../../../shared/contract';
import type { ReferenceItem } from '../../../shared/contract/sync';
import type { AuditLog } from '../audit/audit-log';
import type { Db } from '../db/connection';
import type { EventStore } from '../events/event-store';
import { ReferenceRepository } from './reference-repository';

export type { ReferenceKind } from '../../../shared/contract';

/** Names, numbers and companies compared without case, spaces or punctuation. */
export function matchKey(kind: WatchListHit['kind'], value: string): string {
  const upper = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  if (kind === 'phone') return upper.replace(/\D/g, '').replace(/^(?:62|0)/, '');
  return upper.replace(/[^A-Z0-9]+/g, ' ').trim();
}

export type ImportResult = { ok: true; version: string } | { ok: false; problems: string[] };

/** A reference file as the hub carries it (shared/contract/sync.ts). */
export type ReferenceFileItem = Exclude<ReferenceItem, { kind: 'officer' }>;

/** Where an imported file goes so that every desk gets it (the reference outbox). */
export interface ReferenceChangeSink {
  queue(item: ReferenceFileItem): void;
}

type CheckedFile = { ok: true; version: string; entries: WatchListFile['entries'] };

const KIND_NOUNS: Record<ReferenceKind, string> = { checklist: 'checklist', country_rules: 'country rules', watch_list: 'watch list' };

export class ReferenceService {
  private checklistCache: Checklist | undefined;
  private countryRulesCache: CountryRules | undefined;
  private readonly files: ReferenceRepository;

  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
    private readonly audit: AuditLog,
    private readonly changes: ReferenceChangeSink = { queue: () => {} },
  ) {
    this.files = new ReferenceRepository(db);
  }

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
    const content = this.files.contentOf('checklist', version);
    const imported = content === undefined ? undefined : validateChecklist(content);
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
    return this.files.newestVersionOf('watch_list') ?? 'none';
  }

  watchListHits(candidates: { kind: WatchListHit['kind']; value: string | null | undefined }[]): WatchListHit[] {
    const hits: WatchListHit[] = [];
    for (const { kind, value } of candidates) {
      if (!value) continue;
      const key = matchKey(kind, value);
      if (key.length < 2) continue;
      hits.push(...this.files.watchListMatches(kind, key));
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
    const checked = this.check(kind, json);
    if (!checked.ok) return checked;
    const { version } = checked;
    this.db.transaction(() => {
      this.install(kind, version, content, at, officerNumber, null, checked.entries);
      this.events.append('reference.imported', null, officerNumber, at, { kind, version });
      this.audit.append(officerNumber, 'reference.imported', { kind, version });
      // Every other desk gets it through the hub.
      this.changes.queue({ kind, version, content: json, importedAt: at, importedBy: officerNumber });
    })();
    this.forget();
    return { ok: true, version };
  }

  /**
   * Takes a file the hub serves, in the caller's transaction, with the rules of a local import: a file that breaks
   * them, says another version than the item, or has a version this desk holds with other content is refused and
   * changes nothing. The file becomes the one in use (the hub's order is every desk's order); the one in use already
   * changes nothing.
   */
  receive(item: ReferenceFileItem, revision: number): { ok: true; applied: boolean } | ({ ok: false } & RefusalReason) {
    const checked = this.check(item.kind, item.content);
    if (!checked.ok) return { ...checked, params: { count: checked.problems.length } };
    if (checked.version !== item.version) {
      return { ok: false, code: 'breaks_rules', params: { count: 1 }, problems: [`version: the file says ${checked.version}, the item ${item.version}`] };
    }
    if (this.versionInUse(item.kind) === item.version) return { ok: true, applied: false };
    this.install(item.kind, item.version, JSON.stringify(item.content), item.importedAt, item.importedBy, revision, checked.entries);
    this.audit.append(null, 'reference.received', { kind: item.kind, version: item.version, revision });
    this.forget();
    return { ok: true, applied: true };
  }

  /** The version in use of a kind ('none' for a desk without a watch list). */
  versionInUse(kind: ReferenceKind): string {
    return kind === 'checklist' ? this.checklist().version : kind === 'country_rules' ? this.countryRules().version : this.watchListVersion();
  }

  /**
   * The rules a file must meet at this desk, for an import here and a file from the hub alike: its own rules, and
   * no other content under a version this desk holds. Cases find their checklist by version alone, so other content
   * under a known version would re-judge every case decided under it; for country rules and watch lists a version
   * names one file too. The same file again is fine: it puts that version back in use.
   */
  private check(kind: ReferenceKind, json: unknown): CheckedFile | { ok: false; code: 'breaks_rules' | 'version_clash'; problems: string[] } {
    let version: string;
    let value: unknown;
    let entries: WatchListFile['entries'] = [];
    if (kind === 'checklist') {
      const result = validateChecklist(json);
      if (!result.ok) return { ok: false, code: 'breaks_rules', problems: result.problems };
      version = result.checklist.version;
      value = result.checklist;
    } else if (kind === 'country_rules') {
      const result = validateCountryRules(json);
      if (!result.ok) return { ok: false, code: 'breaks_rules', problems: result.problems };
      version = result.rules.version;
      value = result.rules;
    } else {
      const result = validateWatchList(json);
      if (!result.ok) return { ok: false, code: 'breaks_rules', problems: result.problems };
      version = result.list.version;
      value = result.list;
      entries = result.list.entries;
    }
    const held = this.heldVersion(kind, version);
    if (held !== undefined && !isDeepStrictEqual(held, value)) {
      const noun = KIND_NOUNS[kind];
      return { ok: false, code: 'version_clash', problems: [`version: ${noun} ${version} is already known to this desk with other content; give the changed ${noun} a new version`] };
    }
    return { ok: true, version, entries };
  }

  /** A version's content as this desk holds it (validated), or undefined for a version it never held. */
  private heldVersion(kind: ReferenceKind, version: string): unknown {
    if (kind === 'checklist') return this.knownChecklist(version);
    const content = this.files.contentOf(kind, version);
    if (content === undefined) return kind === 'country_rules' && version === DEFAULT_COUNTRY_RULES.version ? DEFAULT_COUNTRY_RULES : undefined;
    const result = kind === 'country_rules' ? validateCountryRules(content) : validateWatchList(content);
    return !result.ok ? undefined : 'rules' in result ? result.rules : result.list;
  }

  /** Makes a checked file the one in use (the newest row of its kind); a watch list replaces the list matched against. */
  private install(kind: ReferenceKind, version: string, content: string, at: string, by: string, hubRevision: number | null, entries: WatchListFile['entries']): void {
    this.files.addFile(kind, version, content, at, by, hubRevision);
    if (kind === 'watch_list') this.files.replaceWatchList(entries.map((entry) => ({ ...entry, matchKey: matchKey(entry.kind, entry.value) })));
  }

  private forget(): void {
    this.checklistCache = undefined;
    this.countryRulesCache = undefined;
  }

  private latest<T>(kind: ReferenceKind, accept: (json: unknown) => T | null): T | null {
    const content = this.files.newestContent(kind);
    return content === undefined ? null : accept(content);
  }
}
