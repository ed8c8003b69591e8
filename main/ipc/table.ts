/** Assembles every domain's handlers into the one table the registration helper registers. */
import type { AppContext } from '../app/context';
import { alertsHandlers } from './alerts';
import { analysisHandlers } from './analysis';
import { captureHandlers } from './capture';
import { contactsHandlers } from './contacts';
import type { HandlerTable } from './handler';
import { notifyHandlers } from './notify';
import { settingsHandlers } from './settings';

export function createHandlerTable(app: AppContext): HandlerTable {
  return {
    ...alertsHandlers(app),
    ...analysisHandlers(app.analysis, app.openedFiles, app.demoCapture),
    ...captureHandlers(app.capture),
    ...contactsHandlers(app.contacts, app.notify),
    ...notifyHandlers(app.desktop, app.notify),
    ...settingsHandlers(app.settings, app.about),
  };
}
