/** The app's version, injected by the build from package.json (see scripts/build.mjs). */
declare const __WIREWATCH_VERSION__: string | undefined;

export const APP_VERSION: string =
  typeof __WIREWATCH_VERSION__ === 'string' ? __WIREWATCH_VERSION__ : (process.env.npm_package_version ?? 'dev');
