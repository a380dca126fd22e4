export { type DiagnosticOptions } from './types';
export { runDiagnostics } from './runDiagnostics';
