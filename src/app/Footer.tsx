// The page's footer: what the simulation is, and where it simplifies (ARCHITECTURE.md's list, in a
// reader's words). Below the fold, so it loads after the first screen.

export default function Footer() {
  return (
    <footer className="app-footer">
      <p>A simulation of Amazon ECS on Fargate: one cluster, three Availability Zones, timings from real task histories, compressed by the speed control. Nothing here touches AWS.</p>
      <details>
        <summary>Where the playground simplifies</summary>
        <ul>
          <li>Fargate only, one cluster and region, three Availability Zones. A zone that goes down stops its tasks with InfrastructureHealth and AWS's reason for a lost host (our assumption for an outage); a service retries a zone short of capacity a minute later.</li>
          <li>Schedules are EventBridge Scheduler&apos;s, in its default group, with no flexible window: a run fires at the start of its minute (AWS: within it). &ldquo;Run now&rdquo; is the playground&apos;s shortcut. A run whose RunTask returns failures (no capacity) is not retried, and the task definition is checked when you create the schedule (AWS accepts it and fails at each run).</li>
          <li>Tasks skip ACTIVATING: a service task becomes a load balancer target when it reaches RUNNING, and the ALB's first check runs 5 s later.</li>
          <li>A stopping target drains for the whole deregistration delay before SIGTERM, as if clients held keep-alive connections. Scenes that shorten the delay say so on the load balancer.</li>
          <li>Requests take 20–80 ms; an app that fails its health check answers 500; requests cut off by a dying container get 502; a hung app never answers, so clients get 504.</li>
          <li>The start-failure throttle doubles from 10 s up to 27 minutes: AWS documents only the 27-minute cap.</li>
          <li>Changing desiredCount scales the current deployment; it does not start a new one.</li>
          <li>Deployments are rolling updates only (no blue/green). A task of an old deployment that stops mid-deployment is not replaced with its own revision: the new deployment makes up the count. A rollback resumes the last completed deployment under its own id.</li>
          <li>The scheduler's reaction times come from one real log each: a stop it decides reaches the load balancer 10 s later, and it acts on an unhealthy task 35 s after the task turns unhealthy.</li>
          <li>The image registry is a tag and a digest per image: a push gives the tag a new digest, nothing more.</li>
          <li>A container that honours SIGTERM exits with code 143 two seconds later; one that ignores it is killed at its stopTimeout (137).</li>
          <li>What each container's program does (serve, finish, crash, fail its health check) is the playground's own setting: the docker label <code>ecs-playground.app</code> in the task definition's JSON, which AWS keeps and ignores.</li>
          <li>A task definition takes every field AWS takes; the ones the playground does not simulate (volumes, command, ulimits, tags…) are listed when you register it, and kept.</li>
        </ul>
      </details>
    </footer>
  );
}
