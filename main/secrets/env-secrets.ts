/**
 * Secrets a headless sensor takes from environment variables: its notify config names the
 * variables, never the values, so the file can sit in version control.
 */
import type { Secrets } from './secrets';

export class EnvSecrets implements Secrets {
  readonly keeping = 'environment' as const;

  /** `variables`: secret name → environment variable name. */
  constructor(
    private readonly variables: ReadonlyMap<string, string>,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Environment variables the config names that are not set (or empty), for one clear error. */
  missing(): string[] {
    return [...this.variables.values()].filter((variable) => (this.env[variable] ?? '') === '');
  }

  has(name: string): Promise<boolean> {
    return this.get(name).then((value) => value !== null);
  }

  get(name: string): Promise<string | null> {
    const variable = this.variables.get(name);
    const value = variable === undefined ? undefined : this.env[variable];
    return Promise.resolve(value === undefined || value === '' ? null : value);
  }

  set(name: string): Promise<void> {
    return Promise.reject(new Error(`the secret "${name}" comes from the environment and cannot be changed here`));
  }

  names(): Promise<readonly string[]> {
    return Promise.resolve(
      [...this.variables.keys()].filter((name) => (this.env[this.variables.get(name) ?? ''] ?? '') !== ''),
    );
  }
}
