// The hub's protocol once against the embedded PostgreSQL (PGlite) a trial hub runs on.
import { protocolSuite } from './protocol-suite';

protocolSuite('pglite');
