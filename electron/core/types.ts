// Owns the interface both shells use to talk to the core: one dispatch, one event stream.
import type { CallResult, DeskEvent, SlipLayout } from '../../shared/contract';
import type { CredentialStore } from './sync/credential-store';
import type { SyncTiming } from './sync/sync-engine';

/**
 * What a shell can do that the core cannot: reach a printer and a save dialog. Given at open by the Electron
 * shell; the browser host has none (the browser prints). Each resolves false when nothing happened (cancelled).
 */
export interface ShellCapabilities {
  /** Prints the slip the window shows, to this printer ('' for the default); true once it went to a printer. */
  printSlip(layout: SlipLayout, copies: number, printerName: string): Promise<boolean>;
  /**
   * Saves the page the window shows (a slip, the report) as a PDF at its own @page size, where the officer chooses,
   * suggesting `fileName`; false when they cancelled.
   */
  savePagePdf(fileName: string): Promise<boolean>;
  /** Writes a file the core made (a CSV export) where the supervisor chooses in a save dialog; false when cancelled. */
  saveFile(suggestedName: string, data: Uint8Array, filter: { name: string; extensions: string[] }): Promise<boolean>;
}

/**
 * The browser host's way to make a PDF of a page it cannot print itself: the page's HTML, scripts and network shut
 * out, rendered by the host's Chromium at the page's own @page size. Rejects when Chromium fails.
 */
export type PagePdfRenderer = (html: string) => Promise<Uint8Array>;

export interface CoreOptions {
  /** The folder holding desk.sqlite (or demo.sqlite in demo mode). */
  dataDir: string;
  /** Demo mode: a separate, clearly labelled database seeded with demo officers. */
  demo?: boolean;
  /** Overrides the idle-lock setting (minutes) for this launch; for tests and kiosk trials. */
  idleLockMinutes?: number;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Where the hub credential is kept: the Electron shell seals it with safeStorage; a mode-600 file otherwise. */
  credentials?: CredentialStore;
  /** Sync intervals and backoff; tests shorten them. */
  syncTiming?: Partial<SyncTiming>;
  /** The shell's printer and save dialog, when it has them. */
  shell?: ShellCapabilities;
  /** The browser host's PDF renderer (Electron has its shell instead). */
  pagePdf?: PagePdfRenderer;
}

export interface DeskCore {
  /** Validates, authorises and runs one procedure. Never throws. */
  dispatch(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** Subscribes to core events; returns the unsubscribe function. */
  subscribe(listener: (event: DeskEvent) => void): () => void;
  /** The database file in use. */
  readonly databasePath: string;
  close(): void;
}
