// The glossary: every ECS term the panels explain on hover and focus (<Term id="…">), in our own
// plain words. Each entry cites the section of ../shared/reference/ecs-semantics.md it rests on;
// a sentence that the spec does not back does not belong here. Where the playground simplifies,
// the entry says so (spec §9).
//
// Loaded only with the tooltip (Tip.tsx), never by the first screen: Term.tsx imports the TermId
// type alone. Ids are looked up in a Map, never as object keys.

export type GlossaryEntry = {
  /** The term as a person reads it. */
  readonly term: string;
  /** One or two plain sentences (three at most), ours, accurate to the spec. */
  readonly short: string;
  /** The spec sections it rests on: "§3.2" or "§3.2, §3.4". */
  readonly spec: string;
};

const entries = [
  // ---- Task definitions (spec §2) ----
  ['taskDefinition', {
    term: 'task definition',
    short: 'A blueprint for a task: which containers and images, how much CPU and memory, which ports. It runs nothing by itself, and once registered it never changes: a change is a new revision.',
    spec: '§0, §2.1',
  }],
  ['family', {
    term: 'family',
    short: 'The name every revision of a task definition shares, such as web. Naming only the family means its latest ACTIVE revision; web:3 names one revision exactly.',
    spec: '§2.1',
  }],
  ['revision', {
    term: 'revision',
    short: 'The number after the colon in web:3. Each registration in a family gets the next number, starting at 1; a number is never reused, and a registered revision is never edited.',
    spec: '§2.1',
  }],
  ['essentialContainer', {
    term: 'essential container',
    short: 'A container marked essential (the default) takes its task down with it: when it stops, for any reason, ECS stops the rest of the task. Every task has at least one.',
    spec: '§2.5, §3.3',
  }],
  ['imageTagDigest', {
    term: 'image tag vs digest',
    short: 'A tag (web:latest) is a name that a push can move to a new build; a digest (sha256:…) names one exact build and never changes. Running tasks keep the build they started with, so pushing the same tag again changes nothing until a new deployment.',
    spec: '§2.5, §8',
  }],

  // ---- Tasks (spec §3, §4) ----
  ['task', {
    term: 'task',
    short: 'One running copy of a task definition: one to ten containers that share a lifecycle, from PROVISIONING to STOPPED.',
    spec: '§0, §3',
  }],
  ['standaloneTask', {
    term: 'standalone task',
    short: 'A task you start yourself (RunTask), with no service watching it. When it stops, for any reason, nothing replaces it, and ECS never puts it behind a load balancer.',
    spec: '§0, §4',
  }],
  ['group', {
    term: 'group',
    short: 'Which tasks belong together: service:web for the tasks of service web, and family:report by default for tasks you run yourself from report.',
    spec: '§1, §4',
  }],
  ['startedBy', {
    term: 'startedBy',
    short: 'Who started the task. A service’s task carries the id of the deployment that launched it (ecs-svc/…); a task you run yourself carries whatever tag you gave RunTask (here, “you”).',
    spec: '§1, §4',
  }],
  ['desiredStatus', {
    term: 'desiredStatus',
    short: 'Where ECS wants the task to end up: RUNNING or STOPPED. It flips to STOPPED the moment a stop is decided; lastStatus catches up seconds or minutes later.',
    spec: '§3.2',
  }],
  ['lastStatus', {
    term: 'lastStatus',
    short: 'Where the task actually is in its lifecycle, as ECS last saw it. It only moves forward, from PROVISIONING to STOPPED, and trails desiredStatus.',
    spec: '§3.1, §3.2',
  }],
  ['lifecycle', {
    term: 'task lifecycle (PROVISIONING … STOPPED)',
    short: 'A task moves one way through PROVISIONING (its network is set up), PENDING (images pulled), ACTIVATING, RUNNING (its essential containers have started), DEACTIVATING (leaving the load balancer), STOPPING (containers told to stop), DEPROVISIONING (network removed) and STOPPED. The playground skips ACTIVATING and uses DEACTIVATING only while a target drains, as ECS often does with one target group.',
    spec: '§3.1, §9',
  }],
  ['stopCode', {
    term: 'stopCode',
    short: 'A code for what stopped the task: EssentialContainerExited, UserInitiated, ServiceSchedulerInitiated, TaskFailedToStart or InfrastructureHealth. It is set together with desiredStatus STOPPED, before the task has finished stopping.',
    spec: '§3.2, §3.4',
  }],
  ['EssentialContainerExited', {
    term: 'EssentialContainerExited',
    short: 'An essential container stopped on its own (a crash, an out-of-memory kill, a job that finished), so ECS stopped the whole task. A service replaces it; a standalone task stays stopped.',
    spec: '§3.3, §3.4',
  }],
  ['UserInitiated', {
    term: 'UserInitiated',
    short: 'Someone called StopTask: here, you pressed Stop. The stoppedReason is “Task stopped by user” unless the caller gave a reason of their own.',
    spec: '§3.3, §3.4',
  }],
  ['InfrastructureHealth', {
    term: 'InfrastructureHealth',
    short: 'The task lost the host it ran on: here, its Availability Zone went down. AWS lists this code without documenting it; pairing it with an outage, and with the stoppedReason AWS gives for maintenance on a task’s host, is the playground’s assumption. A service replaces the task in a zone that is up; a standalone task stays stopped.',
    spec: '§3.4',
  }],
  ['ServiceSchedulerInitiated', {
    term: 'ServiceSchedulerInitiated',
    short: 'The service’s scheduler stopped the task: to scale in, to make way for a deployment, or because it failed its health checks. The stoppedReason says which.',
    spec: '§3.3, §3.4',
  }],
  ['TaskFailedToStart', {
    term: 'TaskFailedToStart',
    short: 'The task never reached RUNNING: say, its image could not be pulled. A service whose tasks keep failing this way slows its retries down (the throttle).',
    spec: '§3.3, §3.4, §5.7',
  }],
  ['stoppedReason', {
    term: 'stoppedReason',
    short: 'A sentence saying why the task stopped, such as “Essential container in task exited” or “Task failed ELB health checks in (target-group …)”. With StopTask it is the reason the caller passed.',
    spec: '§3.4, §3.6',
  }],
  ['exitCode', {
    term: 'exit code (0, 1, 137, 143)',
    short: 'The number a container’s program ended with: 0 a clean finish, 1 an application error, 143 a program that stopped when sent SIGTERM, 137 a SIGKILL (out of memory, or still running when stopTimeout ran out).',
    spec: '§3.5',
  }],
  ['sigterm', {
    term: 'SIGTERM / stopTimeout',
    short: 'To stop a task, ECS sends each container SIGTERM, asking it to finish up and exit. A container still running stopTimeout seconds later (30 by default) is killed with SIGKILL and exits 137.',
    spec: '§3.6, §2.5, §8',
  }],
  ['healthStatus', {
    term: 'healthStatus (container health check)',
    short: 'The verdict of the health check command declared in the task definition: HEALTHY, UNHEALTHY (after several failed checks in a row; 3 by default) or UNKNOWN (no check, or no verdict yet). A task’s healthStatus comes from its essential containers only, and says nothing about the load balancer’s view.',
    spec: '§2.6, §8',
  }],
  ['availabilityZone', {
    term: 'Availability Zone',
    short: 'One of a region’s separate locations, here us-east-1a, 1b and 1c. A service spreads its tasks evenly across them.',
    spec: '§5.2, §5.8',
  }],

  // ---- Services (spec §5) ----
  ['service', {
    term: 'service',
    short: 'A controller that keeps desiredCount tasks of one task definition running: it replaces tasks that stop or turn unhealthy, rolls out new revisions, and is the only thing that registers tasks with a load balancer.',
    spec: '§0, §5.3',
  }],
  ['desiredCount', {
    term: 'desiredCount',
    short: 'How many tasks the service keeps running. Change it and the scheduler starts or stops tasks to match; it can be 0.',
    spec: '§5.1, §5.3',
  }],
  ['steadyState', {
    term: 'steady state',
    short: 'A service is steady when it runs desiredCount tasks, all healthy, with nothing left to start or stop. ECS says so in the events (“has reached a steady state.”), and again about every six hours while nothing changes.',
    spec: '§5.1, §5.11',
  }],
  ['deployment', {
    term: 'deployment',
    short: 'A service’s move to a task definition revision, with an id like ecs-svc/… that its tasks carry in startedBy. A new revision or Force new deployment starts one; it replaces tasks within minimumHealthyPercent and maximumPercent, and completes when only its own tasks remain, healthy.',
    spec: '§5.5',
  }],
  ['primaryActive', {
    term: 'PRIMARY / ACTIVE',
    short: 'A service’s newest deployment is PRIMARY: the one it is moving to. Older ones that still have tasks are ACTIVE, and leave the list once the PRIMARY completes.',
    spec: '§5.1, §5.5',
  }],
  ['rolloutState', {
    term: 'rolloutState',
    short: 'How a deployment is going: IN_PROGRESS while tasks are replaced, COMPLETED once the service is steady on it, FAILED when the circuit breaker gave up on it.',
    spec: '§5.5, §5.6',
  }],
  ['minimumHealthyPercent', {
    term: 'minimumHealthyPercent',
    short: 'The share of desiredCount that must stay running and healthy while tasks are replaced, rounded up. At 100 % (the default) an old task stops only once a new one is healthy.',
    spec: '§5.3, §5.5',
  }],
  ['maximumPercent', {
    term: 'maximumPercent',
    short: 'The cap on tasks running or starting while tasks are replaced, as a share of desiredCount, rounded down. At 200 % (the default) a service of 4 may run 8, so new tasks start before old ones stop.',
    spec: '§5.3, §5.5',
  }],
  ['circuitBreaker', {
    term: 'deployment circuit breaker',
    short: 'An optional guard, off unless you turn it on. If, before any of a deployment’s tasks has run healthy, as many fail as half of desiredCount (at least 3, at most 200), the deployment is FAILED and starts no more; with rollback on, ECS goes back to the last deployment that completed.',
    spec: '§5.6',
  }],
  ['healthCheckGracePeriod', {
    term: 'health check grace period',
    short: 'How long after a task starts the scheduler ignores its failed load balancer and container health checks (default 0 s). The load balancer still marks the target unhealthy; the grace period only keeps ECS from replacing the task.',
    spec: '§5.4, §8',
  }],
  ['throttle', {
    term: 'throttle',
    short: 'When a service’s tasks keep failing before they reach RUNNING, ECS waits longer and longer between attempts, up to 27 minutes, but never gives up; updating the service lifts it. AWS does not document the curve: ours doubles from 10 s.',
    spec: '§5.7, §9',
  }],

  // ---- The load balancer (spec §6) ----
  ['loadBalancer', {
    term: 'load balancer (ALB)',
    short: 'An Application Load Balancer takes clients’ requests at one address and passes each to a healthy target in its target group. Only a service puts tasks behind it; a task you run yourself never joins.',
    spec: '§0, §6',
  }],
  ['targetGroup', {
    term: 'target group',
    short: 'The load balancer’s list of targets to send requests to, each health-checked. A service registers each of its tasks (its IP address and port) as a target, and deregisters it before the task stops.',
    spec: '§6.1, §3.6',
  }],
  ['targetHealth', {
    term: 'target health (initial, healthy, unhealthy, draining, unused)',
    short: 'How the load balancer sees one target: initial until its first check passes, healthy while it gets requests, unhealthy after failed checks in a row (2 by default), draining while it is deregistered, unused once it is gone. It is separate from the task’s own healthStatus.',
    spec: '§6.2, §6.3',
  }],
  ['draining', {
    term: 'draining / deregistration delay',
    short: 'A target being deregistered drains: it gets no new requests while its open connections finish, for up to the deregistration delay (300 s by default). ECS sends SIGTERM only after that, which is why stopping a task behind a load balancer takes minutes.',
    spec: '§3.6, §6.4, §8',
  }],
  ['failOpen', {
    term: 'fail-open',
    short: 'If every registered target is unhealthy, the load balancer sends requests to all of them rather than to none, and clients get whatever the tasks answer.',
    spec: '§0, §6.7',
  }],
  ['http503', {
    term: '503',
    short: 'What the load balancer answers (503 Service Temporarily Unavailable) when its target group has no registered targets at all. Unhealthy targets alone do not cause it: then the load balancer fails open.',
    spec: '§6.7, §8',
  }],
] as const satisfies readonly (readonly [string, GlossaryEntry])[];

export type TermId = (typeof entries)[number][0];

/** The entries in order, as written (a test checks no id is written twice). */
export const GLOSSARY_ENTRIES: readonly (readonly [TermId, GlossaryEntry])[] = entries;

export const GLOSSARY: ReadonlyMap<TermId, GlossaryEntry> = new Map<TermId, GlossaryEntry>(GLOSSARY_ENTRIES);
