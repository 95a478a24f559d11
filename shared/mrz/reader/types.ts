// Types shared by the reader's modules. The candidate types mirror shared/mrz's public API
// (structurally identical), so the reader's output passes straight to correctMrz.
export interface CharAlternative { char: string; score: number }
export type CharCandidates = CharAlternative[];
export type LineCandidates = CharCandidates[];

/** The 37 MRZ symbols in the order of the recogniser's outputs. */
export const MRZ_CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
