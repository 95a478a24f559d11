// The desk's origin list is the idn-area-data package's provinces and regencies, as generated: a bumped package
// or a hand edit of the generated module fails here until `npx tsx scripts/idn-areas.ts` is run again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT, renderAreas } from '../../scripts/idn-areas';

describe('idn-areas.data.ts', () => {
  it('is what scripts/idn-areas.ts makes from the installed package', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(renderAreas());
  });
});
