// The engine's future work (timers.ts keeps them in a heap ordered by (at, seq)).

import type { ScriptCommand } from './commands.ts';
import type { Millis } from './entities.ts';

export type TimerKind =
  | { kind: 'taskPhase'; taskArn: string; expect: string } // the lifecycle's next step
  | { kind: 'app'; taskArn: string; container: string } // the simulated app's planned exit/crash/failure
  | { kind: 'containerExit'; taskArn: string; container: string; exitCode: number } // exit after SIGTERM, or SIGKILL
  | { kind: 'command'; command: ScriptCommand } // a scenario script's timed command
  | { kind: 'healthCheck'; taskArn: string; container: string }
  | { kind: 'dependencyTimeout'; taskArn: string } // a dependency's startTimeout ran out: look at the waiting containers again
  | { kind: 'reconcile'; serviceName: string }
  | { kind: 'forgetTask'; taskArn: string } // a STOPPED task leaves the world after retention
  | { kind: 'targetHealthCheck'; targetGroupArn: string; taskArn: string } // an ALB health check
  | { kind: 'targetDrained'; targetGroupArn: string; taskArn: string } // the deregistration delay ended
  | { kind: 'zoneFaultEnds'; availabilityZone: string; fault: 'outage' | 'capacityShortage' } // a fault given a duration is over
  | { kind: 'scheduleFires'; scheduleName: string }; // a schedule's next firing (stale unless it is the schedule's timerSeq)

export type Timer = TimerKind & { at: Millis; seq: number };
