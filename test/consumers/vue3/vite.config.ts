import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// As the README says: tell Vue that ops-* tags are custom elements, not Vue components.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ops-') } } })],
});
