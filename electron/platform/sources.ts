// The terminal core's time and id sources are the shared ones (head office uses the same).
export { fixedClock, randomIds, sequentialIds, systemClock, type Clock, type IdSource } from '../../shared/sources';
