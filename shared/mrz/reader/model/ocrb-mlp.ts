import type { MlpModelSpec } from '../classifier';
export const OCRB_MLP: MlpModelSpec = { inputs: 0, hidden: 0, outputs: 0, charset: '', w1: '', s1: [], b1: [], w2: '', s2: [], b2: [] };
