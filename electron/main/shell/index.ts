/**
 * The Electron shell's decisions that need no Electron: files, lists, placement, argument checks, the
 * menu's layout. Everything here runs (and is tested) in plain Node; electron/main/ wires it to Electron.
 */
export { writeFileAtomic, type AtomicWriteFs } from './atomic-write.js';
export { addRecentFile, withoutMissing, parseRecentFiles, RECENT_FILES_KEPT } from './recent-files.js';
export { parseWindowState, placeWindow, cascadeFrom, DEFAULT_SIZE, MIN_SIZE, CASCADE_OFFSET, type Rect, type WindowState } from './window-state.js';
export { IpcArgumentError, parseSaveRequest, parseOpenKind, parseSaveToRequest, parseDirtyRequest } from './ipc-arguments.js';
export { isAppPage, isTrustedSender, isRemoteRequest, type AppPages } from './trusted-sender.js';
export { closePrompt, closeChoice } from './close-prompt.js';
export { windowTitle } from './window-title.js';
export { WindowDocument } from './window-document.js';
export { menuTemplate, recentLabels, type MenuAction, type MenuItemSpec, type MenuSpec, type MenuState } from './menu-template.js';
export { menuOptions } from './menu-options.js';
export { CONTENT_SECURITY_POLICY, parseContentSecurityPolicy, withContentSecurityPolicy } from './content-security-policy.js';
export { saveFilters, openFilters, isProjectPath } from './file-kinds.js';
export { readTextFile, OpenFileError } from './read-text-file.js';
export { exampleEntries } from './example-entries.js';
export { fileErrorMessage } from './file-errors.js';
