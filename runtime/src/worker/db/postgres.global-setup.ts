import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { closeDb, connect } from './connect.ts';
import { type RunningPostgres, startEmbeddedPostgres } from './embedded.ts';
import { migrate } from './migrate.ts';
import { makeTestDataDir, sweepStaleTestDirs } from './test-dirs.test-support.ts';

/**
 * Vitest globalSetup of the runtime project: one PostgreSQL per test run (DATABASE_URL when
 * set, else an embedded one in a temp dir), and a migrated template database that
 * createTestDatabase() clones for each test file.
 */

export type TestPostgres =
  | {
      /** A database on the server to run CREATE/DROP DATABASE from. */
      url: string;
      /** The migrated database to clone. */
      template: string;
    }
  | { error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    nudgeTestPostgres: TestPostgres;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: RunningPostgres | undefined;
  let dataDir: string | undefined;
  const cleanUp = async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    let url = process.env.DATABASE_URL;
    if (!url) {
      await sweepStaleTestDirs();
      dataDir = await makeTestDataDir();
      // Throwaway data: durability buys nothing and costs time.
      server = await startEmbeddedPostgres({ dataDir, durable: false });
      url = server.url;
    }
    const template = `nudge_test_template_${process.pid}_${Date.now().toString(36)}`;
    const admin = connect(url, { max: 1 });
    try {
      await admin`create database ${admin(template)}`;
    } finally {
      await closeDb(admin);
    }
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const sql = connect(templateUrl.href, { max: 1 });
    try {
      await migrate(sql);
    } finally {
      await closeDb(sql);
    }
    project.provide('nudgeTestPostgres', { url, template });
    return async () => {
      if (!server) await dropDatabase(url, template);
      await cleanUp();
    };
  } catch (error) {
    await cleanUp();
    // Not thrown: vitest 4.1 reports a failed globalSetup yet exits 0. Every test file that
    // asks for a database fails with this instead, and the other tests still run.
    const reason = error instanceof Error ? error.message : String(error);
    project.provide('nudgeTestPostgres', {
      error: `PostgreSQL for the runtime tests is not available: ${reason}`,
    });
    return async () => {};
  }
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = connect(url, { max: 1 });
  try {
    await admin`drop database if exists ${admin(name)} with (force)`;
  } finally {
    await closeDb(admin);
  }
}
