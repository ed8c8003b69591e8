import { ModelsSection } from './pages/models-section';
import { expect, test } from './support/app-fixture';

test('should list the shipped detection models in Settings as loaded', async ({ app }) => {
  const models = new ModelsSection(app.page);
  await app.window.open('Settings');
  await expect(models.row('lab-anomaly')).toContainText('loaded');
  await expect(models.row('lab-anomaly')).toContainText('anomaly, 27 features');
  await expect(models.row('lab-classifier')).toContainText('classifier, 27 features');
  // Where to put one's own: the data folder's models folder.
  await expect(models.region.locator('code').filter({ hasText: /[\\/]models$/ })).toBeVisible();
  await expect(models.region.getByRole('alert')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});
