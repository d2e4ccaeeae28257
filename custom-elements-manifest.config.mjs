// `npm run analyze` → custom-elements.json, from the JSDoc on the element classes.

/** Lit's `state: true` properties and protected/private members are internal: keep them out of the docs. */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          const hidden = new Set(
            (decl.members ?? []).filter((m) => m.privacy === 'protected' || m.privacy === 'private' || m.name.startsWith('#')).map((m) => m.name),
          );
          decl.members = (decl.members ?? []).filter((m) => !hidden.has(m.name));
          decl.attributes = (decl.attributes ?? []).filter((a) => !hidden.has(a.fieldName ?? a.name));
        }
      }
    },
  };
}

export default {
  globs: ['src/components/*/*.ts', 'src/shared/ops-element.ts'],
  exclude: [
    'src/components/*/*.styles.ts',
    'src/components/*/define.ts',
    'src/components/*/strings.ts',
    'src/components/*/csv.ts',
    'src/components/*/render.ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly()],
};
