// Just enough Markdown for the docs tests: fenced code blocks, links and heading anchors as
// GitHub and npm render them. The docs are ours, so CommonMark's corner cases need not apply.

export interface CodeBlock {
	/** The first word of the info string: `svelte`, `ts`, `sh`… (empty when there is none). */
	lang: string;
	/** The other words of the info string, e.g. `fragment`. */
	flags: string[];
	code: string;
	/** 1-based line of the opening fence. */
	line: number;
}

const fence = /^(\s*)(`{3,}|~{3,})(.*)$/;

/** Every fenced code block, indented ones (in list items) included. */
export function codeBlocks(markdown: string): CodeBlock[] {
	const blocks: CodeBlock[] = [];
	const lines = markdown.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const open = fence.exec(lines[i]);
		if (!open) continue;
		const [, indent, marks, info] = open;
		const body: string[] = [];
		let end = i + 1;
		for (; end < lines.length; end++) {
			const close = fence.exec(lines[end]);
			if (close && close[2].startsWith(marks) && close[3].trim() === '') break;
			body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end]);
		}
		const [lang = '', ...flags] = info.trim().split(/\s+/).filter(Boolean);
		blocks.push({ lang, flags, code: body.join('\n'), line: i + 1 });
		i = end;
	}
	return blocks;
}

/** `markdown` with its fenced code blocks blanked (lines kept, so positions stay). */
function withoutFences(markdown: string): string {
	let inside: string | null = null;
	return markdown
		.split('\n')
		.map((line) => {
			const marks = fence.exec(line)?.[2];
			if (inside === null && marks) inside = marks;
			else if (inside !== null && marks?.startsWith(inside)) inside = null;
			else if (inside === null) return line;
			return '';
		})
		.join('\n');
}

/** The text outside code blocks and code spans, where links live. */
function prose(markdown: string): string {
	return withoutFences(markdown).replace(/`[^`\n]*`/g, '``');
}

/** The target of every inline link and image (`[text](target)`) and link definition. */
export function linkTargets(markdown: string): string[] {
	const text = prose(markdown);
	const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
	const defined = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((match) => match[1]);
	const html = [...text.matchAll(/<a\s[^>]*href="([^"]+)"/g)].map((match) => match[1]);
	return [...inline, ...defined, ...html];
}

/** The anchors GitHub gives the headings of `markdown` (`## Pending UI: \`x()\`` → `pending-ui-x`). */
export function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const [, heading] of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
		const slug = heading
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

/** Every code span outside fenced blocks (`` `x` ``), with its 1-based line. */
export function codeSpans(markdown: string): { code: string; line: number }[] {
	return withoutFences(markdown)
		.split('\n')
		.flatMap((text, index) => [...text.matchAll(/`([^`\n]+)`/g)].map((match) => ({ code: match[1], line: index + 1 })));
}
