/**
 * Settings kept by main (the ones that matter while no window is open), and facts about the
 * running app. Display preferences live in the renderer's Dexie `settings` table instead.
 */
import * as v from 'valibot';
import { request, type } from './contract';

export const MainSettingsSchema = v.object({
  /** Closing the window keeps Wirewatch watching from the tray. */
  closeToTray: v.boolean(),
  /** Desktop notifications for new incidents. */
  desktopNotifications: v.boolean(),
  /** Start Wirewatch (to the tray) when the person logs in; the shell registers it with the OS. */
  startAtLogin: v.boolean(),
});
export type MainSettings = v.InferOutput<typeof MainSettingsSchema>;

export const DEFAULT_MAIN_SETTINGS: MainSettings = {
  closeToTray: true,
  desktopNotifications: true,
  startAtLogin: false,
};

/** Which shell serves the renderer. */
export type Shell = 'electron' | 'browser-host';

export interface About {
  readonly version: string;
  readonly shell: Shell;
  readonly platform: string;
  readonly node: string;
  readonly electron: string | null;
  readonly dataDir: string;
}

/** A change to some settings; fields left out (or undefined) keep their value. */
export const MainSettingsPatchSchema = v.partial(v.strictObject(MainSettingsSchema.entries));
export type MainSettingsPatch = v.InferOutput<typeof MainSettingsPatchSchema>;

/** What a rule threshold takes: a number, a comma-separated list of whole numbers, true/false, or text. */
export type ThresholdValueType = 'number' | 'list' | 'boolean' | 'text';

/** One rule threshold as Settings shows it (`wirewatch thresholds` lists the same keys). */
export interface ThresholdInfo {
  /** `rule.path`, as `--threshold rule.path=value` takes it, e.g. `port_scan.fastPorts`. */
  readonly key: string;
  readonly rule: string;
  /** The value analyses use, as text (lists comma-separated). */
  readonly value: string;
  readonly defaultValue: string;
  readonly type: ThresholdValueType;
  /** What the number counts ("s", "ports", "packets/s"); empty for text and switches. */
  readonly unit: string;
  /** Why the default is what it is. */
  readonly reason: string;
  /** True when the value differs from the default. */
  readonly changed: boolean;
}

/** A threshold key: `rule.path` of letters, digits and underscores. */
export const ThresholdKeySchema = v.pipe(v.string(), v.maxLength(120), v.regex(/^[a-z_]+(\.[A-Za-z0-9_]+)+$/));
/** A threshold value as typed; main checks it against the threshold's type. */
export const ThresholdValueSchema = v.pipe(v.string(), v.maxLength(400));

/** A detection model in the shipped or the user's models folder, and whether it loaded. */
export interface ModelInfo {
  readonly name: string;
  readonly origin: 'shipped' | 'user';
  readonly status: 'loaded' | 'refused';
  /** Why it was refused (the manifest does not match the model, …); null when loaded. */
  readonly reason: string | null;
  readonly type: 'anomaly' | 'classifier' | null;
  readonly description: string | null;
  /** Input features; null when refused. */
  readonly features: number | null;
  readonly manifestPath: string;
}

export interface ModelList {
  /** Where a user's own models go (`<name>.onnx` + `<name>.json`). */
  readonly userFolder: string;
  readonly models: readonly ModelInfo[];
}

export const settingsRequests = {
  'settings:get': request(v.strictTuple([]), type<MainSettings>()),
  'settings:update': request(v.strictTuple([MainSettingsPatchSchema]), type<MainSettings>()),
  'settings:about': request(v.strictTuple([]), type<About>()),
  /** The detection models analyses use, shipped and the user's own, each loaded or refused with the reason. */
  'settings:models': request(v.strictTuple([]), type<ModelList>()),
  /** Every rule threshold with its value, default, unit and reasoning. */
  'settings:thresholds': request(v.strictTuple([]), type<ThresholdInfo[]>()),
  /** Sets one threshold for analyses started from now on; fails with `invalid-threshold` and the reason. */
  'settings:setThreshold': request(v.strictTuple([ThresholdKeySchema, ThresholdValueSchema]), type<ThresholdInfo[]>()),
  /** Puts one threshold back to its default. */
  'settings:resetThreshold': request(v.strictTuple([ThresholdKeySchema]), type<ThresholdInfo[]>()),
};

export const settingsEvents = {
  'settings:changed': type<MainSettings>(),
};
