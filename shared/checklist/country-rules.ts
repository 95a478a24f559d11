// Owns the country lists (placement, moratorium, not placement, trafficking route and its gateways) as data with
// their sources and how sure they are, and lookups in them.
import { z } from 'zod';
import data from './data/country-rules.json' with { type: 'json' };
import { formatIssues } from './problems';
import { alpha3Schema, bilingualSchema } from './schema';
import { COUNTRY_LISTS, type CountryRules } from './types';

export const countryRulesSchema: z.ZodType<CountryRules> = z.strictObject({
  version: z.string().trim().min(1),
  placementListComplete: z.boolean().optional(),
  caveats: z
    .array(
      z.strictObject({
        text: bilingualSchema,
        source: z.string().trim().min(1, { error: 'must name the source of this caveat' }),
        asOf: z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, { error: "must be the date the statement was checked, 'YYYY-MM' or 'YYYY-MM-DD'" }),
      }),
    )
    .optional(),
  entries: z.array(
    z.strictObject({
      country: alpha3Schema,
      list: z.enum(COUNTRY_LISTS),
      note: bilingualSchema.optional(),
      source: z.string().trim().min(1, { error: 'must name the source of this entry' }),
    }),
  ),
});

export type CountryRulesValidation = { ok: true; rules: CountryRules } | { ok: false; problems: string[] };

export function validateCountryRules(json: unknown): CountryRulesValidation {
  const parsed = countryRulesSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error.issues, 'country rules') };
  const rules = parsed.data;
  const problems: string[] = [];
  const seen = new Map<string, number>();
  rules.entries.forEach((entry, index) => {
    const key = `${entry.country}/${entry.list}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`entries[${index}]: ${entry.country} is already on the ${entry.list} list at entries[${earlier}]`);
    else seen.set(key, index);
  });
  // Placement and moratorium may overlap (formal work allowed, domestic work for private employers not);
  // placement and not_placement contradict each other.
  rules.entries.forEach((entry, index) => {
    if ((entry.list === 'not_placement' || entry.list === 'trafficking_route') && seen.has(`${entry.country}/placement`)) {
      problems.push(`entries[${index}]: ${entry.country} cannot be both a placement country (entries[${String(seen.get(`${entry.country}/placement`))}]) and not a placement country`);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

export type CountryStatus = {
  placement: boolean;
  moratorium: boolean;
  notPlacement: boolean;
  traffickingRoute: boolean;
  routeGateway: boolean;
  /** On no placement or not-placement list of a partial list: only BP3MI can say, so the officer asks. */
  unlisted: boolean;
  sources: string[];
};

export function countryStatus(rules: CountryRules, alpha3: string): CountryStatus {
  const code = alpha3.trim().toUpperCase();
  const entries = rules.entries.filter((e) => e.country === code);
  const placement = entries.some((e) => e.list === 'placement');
  const traffickingRoute = entries.some((e) => e.list === 'trafficking_route');
  const explicitlyNot = traffickingRoute || entries.some((e) => e.list === 'not_placement');
  const complete = rules.placementListComplete === true;
  return {
    placement,
    moratorium: entries.some((e) => e.list === 'moratorium'),
    // With the whole official list at hand, absence from it is itself the answer; with a partial list it is not.
    notPlacement: explicitlyNot || (complete && !placement && code !== 'IDN'),
    traffickingRoute,
    routeGateway: entries.some((e) => e.list === 'route_gateway'),
    unlisted: !complete && !placement && !explicitlyNot && code !== 'IDN',
    sources: [...new Set(entries.map((e) => e.source))],
  };
}

/** The entries for a country with their notes, for the officer's screen. */
export function countryEntries(rules: CountryRules, alpha3: string): CountryRules['entries'] {
  const code = alpha3.trim().toUpperCase();
  return rules.entries.filter((e) => e.country === code);
}

function loadDefault(): CountryRules {
  const result = validateCountryRules(data);
  if (!result.ok) throw new Error(`shared/checklist/data/country-rules.json is invalid:\n${result.problems.join('\n')}`);
  return result.rules;
}

export const DEFAULT_COUNTRY_RULES: CountryRules = loadDefault();
