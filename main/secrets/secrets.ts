/** Named secrets as notifications use them: the encrypted store in the app, environment variables in the CLI. */
import type { SecretKeeping } from '../../preload/api/notify';

export interface Secrets {
  readonly keeping: SecretKeeping;
  has(name: string): Promise<boolean>;
  /** The secret, or null when none is set. */
  get(name: string): Promise<string | null>;
  /** Sets a secret, or removes it with null. */
  set(name: string, value: string | null): Promise<void>;
  names(): Promise<readonly string[]>;
}
