// Owns the reference_data and watch_list tables: imported files (their text kept as given, read back as JSON) and
// the watch-list entries matched against. No rules here: which file is good and how a value is keyed are the service's.
import type { ReferenceKind, WatchListHit } from '../../../shared/contract';
import type { Db } from '../db/connection';

/** A reference file as this desk stored it. */
export interface StoredFile {
  kind: ReferenceKind;
  version: string;
  content: unknown;
  importedAt: string;
  importedBy: string;
}

/** A watch-list entry with the key it is matched by. */
export interface KeyedEntry extends WatchListHit {
  matchKey: string;
}

const parsed = (content: string | undefined): unknown => (content === undefined ? undefined : (JSON.parse(content) as unknown));

export class ReferenceRepository {
  private readonly newestOfKind;
  private readonly newestOfVersion;
  private readonly newestVersion;
  private readonly matches;
  private readonly insertFile;
  private readonly clearWatchList;
  private readonly insertEntry;

  constructor(private readonly db: Db) {
    this.newestOfKind = db.prepare('SELECT content FROM reference_data WHERE kind = ? ORDER BY id DESC LIMIT 1').pluck();
    this.newestOfVersion = db.prepare('SELECT content FROM reference_data WHERE kind = ? AND version = ? ORDER BY id DESC LIMIT 1').pluck();
    this.newestVersion = db.prepare('SELECT version FROM reference_data WHERE kind = ? ORDER BY id DESC LIMIT 1').pluck();
    this.matches = db.prepare('SELECT kind, value, note, source FROM watch_list WHERE kind = ? AND match_key = ?');
    this.insertFile = db.prepare('INSERT INTO reference_data (kind, version, content, imported_at, imported_by, hub_revision) VALUES (?, ?, ?, ?, ?, ?)');
    this.clearWatchList = db.prepare('DELETE FROM watch_list');
    this.insertEntry = db.prepare('INSERT INTO watch_list (kind, match_key, value, note, source) VALUES (?, ?, ?, ?, ?)');
  }

  /** The content of the newest file of a kind (the one in use), as JSON; undefined when none was imported. */
  newestContent(kind: ReferenceKind): unknown {
    return parsed(this.newestOfKind.get(kind) as string | undefined);
  }

  /** The content of the newest file of a kind and version, as JSON; undefined for a version never stored here. */
  contentOf(kind: ReferenceKind, version: string): unknown {
    return parsed(this.newestOfVersion.get(kind, version) as string | undefined);
  }

  /** The version of the newest file of a kind; undefined when none was imported. */
  newestVersionOf(kind: ReferenceKind): string | undefined {
    return this.newestVersion.get(kind) as string | undefined;
  }

  /** Every file stored, in the order it was stored (the last of each kind is the one in use). */
  files(): StoredFile[] {
    const rows = this.db.prepare('SELECT kind, version, content, imported_at, imported_by FROM reference_data ORDER BY id').all() as {
      kind: ReferenceKind;
      version: string;
      content: string;
      imported_at: string;
      imported_by: string;
    }[];
    return rows.map((row) => ({ kind: row.kind, version: row.version, content: parsed(row.content), importedAt: row.imported_at, importedBy: row.imported_by }));
  }

  /**
   * Stores a file as the newest of its kind. Its text is kept as it was given (an admin's file as written), so it
   * must be the JSON of the content; hubRevision is null for a file imported at this desk.
   */
  addFile(kind: ReferenceKind, version: string, text: string, at: string, by: string, hubRevision: number | null): void {
    this.insertFile.run(kind, version, text, at, by, hubRevision);
  }

  /** The entries of a kind whose key is this one. */
  watchListMatches(kind: WatchListHit['kind'], key: string): WatchListHit[] {
    return this.matches.all(kind, key) as WatchListHit[];
  }

  /** Replaces the whole watch list matched against. */
  replaceWatchList(entries: readonly KeyedEntry[]): void {
    this.clearWatchList.run();
    for (const entry of entries) this.insertEntry.run(entry.kind, entry.matchKey, entry.value, entry.note, entry.source);
  }
}
