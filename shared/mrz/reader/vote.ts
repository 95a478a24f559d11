// Frame voting for the live loop: a reading is accepted only when every check digit holds in two
// frames that agree on all check-digit-protected text, and the names (which carry no check digit)
// read the same in at least two frames. A valid reading of a different document starts over.
import type { MrzPosition } from '../types';

/** What the voter needs from one frame's reading (readMrzFrame's FrameReading satisfies it via voteInput). */
export interface VoteInput {
  valid: boolean;
  lines: string[] | null;
  /** Where the names are (line, start, end; end exclusive): the part that no check digit protects. */
  nameSpans: MrzPosition[];
}

export type VoteState = 'searching' | 'confirming' | 'accepted';

export interface VoteUpdate {
  state: VoteState;
  /** 'accepted' once per document; 'reset' when a valid reading of another document replaced the evidence. */
  event: 'accepted' | 'reset' | null;
  /** The accepted lines (names from the agreeing frames), while state is 'accepted'. */
  accepted: string[] | null;
  /** Valid frames so far that agree on the protected text, and the best name agreement among them. */
  agreeingFrames: number;
  agreeingNames: number;
}

export interface VoterOptions {
  /** Frames that must agree (both for protected text and for names). Default 2. */
  framesToAgree?: number;
}

function maskNames(lines: string[], spans: MrzPosition[]): { key: string; names: string } {
  const masked = lines.map((l) => l.split(''));
  let names = '';
  for (const s of spans) {
    const row = masked[s.line];
    if (!row) continue;
    names += lines[s.line]!.slice(s.start, s.end) + '|';
    for (let i = s.start; i < s.end && i < row.length; i++) row[i] = '#';
  }
  return { key: masked.map((r) => r.join('')).join('\n'), names };
}

export class MrzVoter {
  private readonly need: number;
  private key: string | null = null;
  private frames = 0;
  private names = new Map<string, { count: number; lines: string[] }>();
  private accepted: string[] | null = null;

  constructor(options: VoterOptions = {}) {
    this.need = Math.max(1, options.framesToAgree ?? 2);
  }

  /** Forget everything (for example when the officer closes the case). */
  reset(): void {
    this.key = null;
    this.frames = 0;
    this.names.clear();
    this.accepted = null;
  }

  /** Feed one frame's reading (frames without a valid reading are ignored, never counted). */
  push(input: VoteInput): VoteUpdate {
    if (!input.valid || !input.lines || input.lines.length === 0) return this.update(null);
    const { key, names } = maskNames(input.lines, input.nameSpans);
    let event: VoteUpdate['event'] = null;
    if (this.key !== null && key !== this.key) {
      // Another document (or a misread that still satisfied every check): earlier frames must not
      // vote for it, so the evidence starts over from this frame.
      this.reset();
      event = 'reset';
    }
    this.key = key;
    this.frames++;
    const entry = this.names.get(names) ?? { count: 0, lines: input.lines };
    entry.count++;
    this.names.set(names, entry);
    if (!this.accepted && this.frames >= this.need && entry.count >= this.need) {
      this.accepted = [...entry.lines];
      event = 'accepted';
    }
    return this.update(event);
  }

  private update(event: VoteUpdate['event']): VoteUpdate {
    let best = 0;
    for (const v of this.names.values()) best = Math.max(best, v.count);
    const state: VoteState = this.accepted ? 'accepted' : this.key ? 'confirming' : 'searching';
    return { state, event, accepted: this.accepted ? [...this.accepted] : null, agreeingFrames: this.frames, agreeingNames: best };
  }
}

/**
 * Adapts a reading that carries an MrzResult (readMrzFrame's output) to the voter's input. A name
 * span runs on to the next non-name field (or the line's end), so the fillers after a name, which
 * no check digit protects either, count as name too.
 */
export function voteInput(reading: { valid: boolean; lines: string[] | null; result: { fields: Partial<Record<string, { position: MrzPosition }>> } | null }): VoteInput {
  const spans: MrzPosition[] = [];
  const fields = reading.result?.fields ?? {};
  const isName = (n: string) => n === 'primaryIdentifier' || n === 'secondaryIdentifier';
  for (const [name, f] of Object.entries(fields)) {
    if (!f || !isName(name)) continue;
    const p = f.position;
    let end = reading.lines?.[p.line]?.length ?? p.end;
    for (const [other, g] of Object.entries(fields)) {
      if (!g || isName(other) || g.position.line !== p.line) continue;
      if (g.position.start >= p.end && g.position.start < end) end = g.position.start;
    }
    spans.push({ line: p.line, start: p.start, end });
  }
  // Primary and secondary names share one area: merge overlapping spans.
  spans.sort((a, b) => a.line - b.line || a.start - b.start);
  const merged: MrzPosition[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && last.line === s.line && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return { valid: reading.valid, lines: reading.lines, nameSpans: merged };
}
