'use strict';

// The live instance (live/README.md) as the demo and the tests create it through the example
// template: one definition of its template values and of how the task output gives the
// operator chart's Helm values.

const fs = require('node:fs');
const path = require('node:path');

/** Namespace of the live instance (and of the operator on the live operator cluster). */
const LIVE_NAMESPACE = 'platform-mesh-system';

/** The live instance's profile.yaml (live/profile.yaml). */
function liveProfile() {
  return fs.readFileSync(
    path.join(__dirname, '..', 'live', 'profile.yaml'),
    'utf8',
  );
}

/** The example template's values for the live instance on target `live`. */
function liveTemplateValues(profile = liveProfile()) {
  return {
    target: 'live',
    name: 'platform-mesh',
    baseDomain: 'portal.localhost',
    port: 8443,
    profile,
    mode: 'direct',
    waitForReady: false,
    force: false,
  };
}

/** The operator Helm values from a completed task's output ("Install the operator"), if any. */
function operatorValuesFromTaskOutput(output) {
  const install = output?.text?.find(t => t.title === 'Install the operator');
  return install?.content.match(/```yaml\n([\s\S]*?)```/)?.[1];
}

module.exports = {
  LIVE_NAMESPACE,
  liveProfile,
  liveTemplateValues,
  operatorValuesFromTaskOutput,
};
