// Plain text placed inside HTML that another program shows (an Atom feed's entries): escaped so
// a reader shows it and never runs it, line breaks kept.

export function textAsHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/]]>/g, ']]&gt;')
		.replace(/\n/g, '<br>')
}
