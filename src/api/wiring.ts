import { PookError } from '../core/errors/pook-error.js';
import { PookRequest } from '../core/pook-request.js';
import { callCountReport } from '../diagnostics/assertion-reports.js';
import { inspectEngine } from '../diagnostics/engine-summary.js';
import { inspectError } from '../diagnostics/error-summary.js';
import { defineInspect } from '../diagnostics/inspect-hook.js';
import { inspectMock } from '../diagnostics/mock-summary.js';
import { diagnosticReporter } from '../diagnostics/reporter.js';
import { inspectRequest } from '../diagnostics/request-summary.js';
import { Engine } from '../engine/engine.js';
import { Mock, reportCallCountWith } from '../engine/mock.js';
import { useReporter } from '../engine/reporter.js';

// The engine and the mock know nothing of reports: they ask a port (the
// engine's Reporter, the mock's call-count report) and leave `util.inspect`
// to Node's default. This is where the module API hands them the
// diagnostics layer's full reports and summaries (of engines, mocks,
// requests and errors), once, when pook is loaded:
// assigning pook's own ports and defining pook's own classes' inspect
// hooks, never patching anything of the process (docs/architecture.md).

let wired = false;

/** Gives the engine and the public classes the diagnostics layer's reports and summaries. Idempotent. */
export function wireDiagnostics(): void {
  if (wired) return;
  wired = true;
  useReporter(diagnosticReporter);
  reportCallCountWith(callCountReport);
  defineInspect(Engine, inspectEngine);
  defineInspect(Mock, inspectMock);
  defineInspect(PookRequest, inspectRequest);
  defineInspect(PookError, inspectError);
}
