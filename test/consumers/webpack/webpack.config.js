import HtmlWebpackPlugin from 'html-webpack-plugin';

// A plain webpack 5 app: no loader or rule for the package (its CSS is inside its modules,
// and webpack emits the dataset and MapLibre's worker as assets by itself).
export default {
  entry: './src/main.js',
  output: { clean: true },
  plugins: [new HtmlWebpackPlugin({ template: './index.html' })],
};
