// Owns the one rule for airport and desk codes, for the desk's settings and the hub's desk registry alike: case
// numbers carry both (PLM-D01-…), so a code the hub hands out must be one the desk can write into a case number.
import { z } from 'zod';
import { AIRPORT_CODE_PATTERN, DESK_CODE_PATTERN } from '../cases/case-number';

export const airportCodeSchema = z.string().regex(AIRPORT_CODE_PATTERN, 'three capital letters (IATA)');
export const deskCodeSchema = z.string().regex(DESK_CODE_PATTERN, 'two to four capital letters or digits');
