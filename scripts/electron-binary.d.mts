export type ElectronBinary = { readonly path: string } | { readonly missing: string };
export function findElectronBinary(env?: NodeJS.ProcessEnv): ElectronBinary;
