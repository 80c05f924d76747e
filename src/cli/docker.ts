// `docker push <image:tag>`: the one docker command the terminal knows, because pushing a new
// build to a tag is something the playground simulates (the registry's digest for the tag moves;
// nothing running changes until a deployment resolves the tag again, spec §5.5).

import type { CliHost } from './context.ts';
import type { CliResult } from './format.ts';

/** NAME[:TAG] as docker reads it: the tag is after the last colon past the last slash (a colon
 *  before a slash is a registry's port), `latest` when there is none. (A name with a digest,
 *  @sha256:…, never gets here: the engine refuses to push to a digest.) */
export function repositoryAndTag(image: string): { repository: string; tag: string; defaulted: boolean } {
  const colon = image.indexOf(':', image.lastIndexOf('/') + 1);
  return colon < 0 ? { repository: image, tag: 'latest', defaulted: true } : { repository: image.slice(0, colon), tag: image.slice(colon + 1), defaulted: false };
}

export function dockerPush(words: readonly string[], host: CliHost): CliResult {
  if (words[0] !== 'push' || words.length !== 2)
    return { stdout: '', stderr: 'The playground\'s terminal knows one docker command: docker push <repository>:<tag> (it moves the tag to a new digest).\n', exitCode: 1 };
  const image = words[1]!;
  // The image as the page names it (the engine keys the registry by the name as written).
  const { outcome } = host.dispatch({ type: 'pushImage', image });
  if (!outcome.ok) return { stdout: '', stderr: `Error response from daemon: ${outcome.error.message}\n`, exitCode: 1 };
  const record = host.world().images.get(image);
  const { repository, tag, defaulted } = repositoryAndTag(image);
  return {
    stdout: `${defaulted ? 'Using default tag: latest\n' : ''}The push refers to repository [${repository}]\n${tag}: digest: ${record?.digest ?? ''}\n`,
    stderr: '',
    exitCode: 0,
  };
}
