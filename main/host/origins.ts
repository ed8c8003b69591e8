/**
 * Which origins and Host headers the host answers. Checking the Host header as well as the
 * Origin defeats DNS rebinding: a foreign page whose name resolves to 127.0.0.1 still sends its
 * own name as Host.
 */
export interface LocalOrigins {
  /** `127.0.0.1:PORT` and `localhost:PORT`. */
  readonly hosts: ReadonlySet<string>;
  /** `http://127.0.0.1:PORT` and `http://localhost:PORT`. */
  readonly origins: ReadonlySet<string>;
}

export function localOrigins(port: number): LocalOrigins {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return { hosts: new Set(hosts), origins: new Set(hosts.map((host) => `http://${host}`)) };
}
