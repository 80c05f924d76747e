// The aws CLI (src/cli) is not on the first screen: it loads with the Terminal tab, or with the
// first action whose CLI equivalent the API line shows. One import, shared by both.

type Cli = typeof import('../../cli/index.ts');

let loading: Promise<Cli> | null = null;

export function loadCli(): Promise<Cli> {
  loading ??= import('../../cli/index.ts');
  return loading;
}
