import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';

/**
 * The secret kept in `file`, generated (URL-safe, 32 random bytes) on first use. The file is
 * readable by its owner only (0600); an existing file with looser permissions is tightened.
 */
export async function readOrCreateSecret(file: string): Promise<string> {
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    if (!secret) throw new Error(`The secret file ${file} is empty: delete it or write a secret`);
    await chmod(file, 0o600);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  // `wx`: two processes racing to create it must not overwrite each other's secret.
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateSecret(file);
    throw error;
  }
}
