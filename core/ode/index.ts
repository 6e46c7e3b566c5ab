export { TSIT5, DP5, BS3, RK4, EULER, MIDPOINT, type Method } from './methods.js';
export { integrate, type IntegrateOptions, type RightHandSide, type ReturnCode, type Trajectory } from './integrate.js';
