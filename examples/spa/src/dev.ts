import { createApi } from './api.js';

// The API under `vite dev` (npm run dev:spa): formActionsDev() in vite.config.ts calls it for every
// request that is not the app's, and loads this module again after an edit (the todos start afresh).
export default createApi();
