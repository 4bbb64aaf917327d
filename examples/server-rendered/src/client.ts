import { hydrate } from 'svelte';
import App from './App.svelte';

// The page is already there (server-rendered): make it live, with the props it was rendered with.
const props = JSON.parse(document.getElementById('props')!.textContent!);
hydrate(App, { target: document.getElementById('app')!, props });
