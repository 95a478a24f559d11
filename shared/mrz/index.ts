// Owns the public surface of the MRZ engine: everything other layers may import from shared/mrz.

export type * from './types';
export { MRZ_NOTICE_CODES } from './types';
export { parseMrz } from './parse';
export { normaliseMrzInput } from './normalise';
export { checkDigit } from './check-digit';
export { stateName, isKnownState, knownStateCodes } from './states';
export { correctMrz } from './correct';
export { generateMrz } from './generate';
export { toCliJson } from './cli-json';
export { DOCUMENT_FAULTS, documentFaultOf, isDocumentFault } from './faults';
export type { DocumentFault } from './faults';
