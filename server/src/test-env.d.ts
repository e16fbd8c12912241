// The tests' PostgreSQL (inject('nudgeTestPostgres')) is declared by the runtime's globalSetup.
import '@nudge/runtime/worker/postgres-global-setup';
