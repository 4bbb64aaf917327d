import type { ActionEvent } from '../../server/actions.js';

/** What an action received, kept for assertions. `request` is an unread copy. */
export type RecordedRequest<Params = Record<string, string | readonly string[]>> = ActionEvent<Params>;

/** Every record of every handler made, so that `resetAll()` can empty them between tests. */
const records = new Set<Record<string, RecordedRequest<any>[]>>();

/** A new record: one empty list per action name. */
export function createRecord<Name extends string>(names: Name[]): Record<Name, RecordedRequest<any>[]> {
	const record = Object.fromEntries(names.map((name) => [name, []])) as unknown as Record<Name, RecordedRequest<any>[]>;
	records.add(record);
	return record;
}

/** Every list of calls of a remote-function handler, for the same reason. */
const callLists = new Set<unknown[]>();

/** A new list of calls (what a remote-function handler received, decoded). */
export function createCalls<T>(): T[] {
	const calls: T[] = [];
	callLists.add(calls);
	return calls;
}

/** Empties the lists of every record (handlers made at module level are reused across tests). */
export function clearRecords(): void {
	for (const record of records) for (const name in record) record[name].length = 0;
	for (const calls of callLists) calls.length = 0;
}
