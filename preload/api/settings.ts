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
});
export type MainSettings = v.InferOutput<typeof MainSettingsSchema>;

export const DEFAULT_MAIN_SETTINGS: MainSettings = { closeToTray: true, desktopNotifications: true };

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

export const settingsRequests = {
  'settings:get': request(v.strictTuple([]), type<MainSettings>()),
  'settings:update': request(v.strictTuple([MainSettingsPatchSchema]), type<MainSettings>()),
  'settings:about': request(v.strictTuple([]), type<About>()),
};

export const settingsEvents = {
  'settings:changed': type<MainSettings>(),
};
