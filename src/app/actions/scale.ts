// desiredCount one up or down: the node's −/+, the [ ] keys and the Update form's steppers. Its own
// small module, so the first screen's buttons and keys do not bring the whole form's logic with them.

import type { Command, Service } from '../../sim/index.ts';

/** desiredCount one up or down, kept from 0 to the playground's largest desiredCount. */
export const scaleBy = (service: Service, by: number, max: number): Extract<Command, { type: 'updateService' }> => ({
  type: 'updateService',
  service: service.serviceName,
  desiredCount: Math.max(0, Math.min(max, service.desiredCount + by)),
});
