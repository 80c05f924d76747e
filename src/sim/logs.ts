// Container logs (issue 12): awslogs streams written as the simulation runs.
export {};
