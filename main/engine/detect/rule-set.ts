/**
 * The rule detectors Wirewatch runs on every analysis and capture, in one list. Each rule's
 * thresholds are documented in its own file and overridable through its factory.
 */
import type { DetectorFactory } from './detector';

export const RULES: readonly DetectorFactory[] = [];
