export { ellipticalSlice, type EllipticalTarget, type EllipticalState, type EllipticalInfo } from './elliptical.js';
