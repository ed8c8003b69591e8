/** Renderer entry: connects the transport, opens the database and mounts the app. */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import StartupError from './components/StartupError.svelte';
import { database } from './db/database';
import { connectTransport } from './transport';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html lost its #app element');

try {
  const transport = connectTransport();
  mount(App, { target, props: { transport, db: database() } });
} catch (error) {
  mount(StartupError, { target, props: { message: error instanceof Error ? error.message : String(error) } });
}
