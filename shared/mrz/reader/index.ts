// Public surface of the MRZ reader: frame reading for the camera worker, single-line reading for
// the CLI, frame voting for the live loop, and the hint shown while a reading is held back. Pure
// TypeScript over grey pixel buffers.
export type { GrayImage, PlaneView } from './gray';
export { rgbaToGray, yuvToGray } from './gray';
export type { CharAlternative, CharCandidates, LineCandidates } from './types';
export { MRZ_CHARSET } from './types';
export { readMrzFrame } from './read-frame';
export type { FrameReading, FoundLine, ReadFrameOptions } from './read-frame';
export { recogniseLine, readLineText } from './recognise-line';
export type { LineReading, RecogniseLineOptions } from './recognise-line';
export { locateLines } from './locate';
export type { LineCandidate } from './locate';
export { holdHint } from './hold-hint';
export type { HoldHint } from './hold-hint';
export type { Refusal } from './acceptance';
export { MrzVoter, voteInput } from './vote';
export type { VoteInput, VoteUpdate, VoteState, VoterOptions } from './vote';
