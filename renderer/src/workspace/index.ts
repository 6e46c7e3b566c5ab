export { runWorkspace } from './run-workspace';
export { startWorkspace } from './start-workspace';
export { MENU_ACTIONS } from './menu-actions';
export { NoticeBar } from './NoticeBar';
