// `docker push <image:tag>`: the one docker command the terminal knows, because pushing a new
// build to a tag is something the playground simulates (the registry's digest for the tag moves;
// nothing running changes until a deployment resolves the tag again, spec §5.5).

import type { CliHost } from './context.ts';
import type { CliResult } from './format.ts';

export function dockerPush(words: readonly string[], host: CliHost): CliResult {
  if (words[0] !== 'push' || words.length !== 2)
    return { stdout: '', stderr: 'The playground\'s terminal knows one docker command: docker push <repository>:<tag> (it moves the tag to a new digest).\n', exitCode: 1 };
  const image = words[1]!;
  const { outcome } = host.dispatch({ type: 'pushImage', image });
  if (!outcome.ok) return { stdout: '', stderr: `Error response from daemon: ${outcome.error.message}\n`, exitCode: 1 };
  const record = host.world().images.get(image);
  const colon = image.lastIndexOf(':');
  return { stdout: `The push refers to repository [${image.slice(0, colon)}]\n${image.slice(colon + 1)}: digest: ${record?.digest ?? ''}\n`, stderr: '', exitCode: 0 };
}
