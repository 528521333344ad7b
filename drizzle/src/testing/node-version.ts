/** npm scripts fall back to the machine's older Node when the `node` package's install script did not run. */
export function assertNode24(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    throw new Error(`dangvu needs Node 24 or newer, this is ${process.versions.node}: run \`npm rebuild node\``);
  }
}
