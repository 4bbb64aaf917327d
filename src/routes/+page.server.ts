import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies }) => ({ user: cookies.get('user') ?? null });
