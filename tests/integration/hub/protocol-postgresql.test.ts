// The hub's protocol on a real PostgreSQL server (a throwaway cluster started by the test).
import { protocolSuite } from './protocol-suite';

protocolSuite('postgresql');
