export { useCheckStore, checkedErrors } from './check-store';
export { createChecker, type Checker, type CheckerOptions } from './checker';
export { startChecking, CHECK_DELAY_MS } from './start-checking';
