// Svelte 5 with runes everywhere; TypeScript in components is type-only and needs no preprocessor.
export default {
  compilerOptions: { runes: true },
};
