/** Sends a dropped file's bytes to the browser host, which stores it and answers with its path. */
import { ContractError } from '../../preload/api';

export async function uploadToHost(file: File, token: string): Promise<string> {
  const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'PUT',
    headers: { 'X-Wirewatch-Token': token, 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  const answer = (await response.json().catch(() => ({}))) as { path?: unknown; error?: unknown };
  if (!response.ok || typeof answer.path !== 'string') {
    const reason = typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`;
    throw new ContractError('upload-failed', `${file.name} could not be sent to Wirewatch: ${reason}`);
  }
  return answer.path;
}
