import { repeat, type Plug } from '../../src/lib/index.js';

/** A repeat policy as plugs: `'allow'` is the default (no plug), the others are `repeat(policy)`. */
export type Policy = 'allow' | 'abort' | 'prevent';
export function repeatPlugs(policy: Policy): Plug[] {
	return policy === 'allow' ? [] : [repeat(policy)];
}
