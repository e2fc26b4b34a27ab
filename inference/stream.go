package inference

import "strings"

// restorer turns the model's streamed text, which holds placeholders, into
// the text the customer sees with their own values put back. A placeholder
// may arrive split across tokens, so text from an unclosed '<' is held back
// until it closes or clearly is not a placeholder.
type restorer struct {
	restore func(string) string
	pending string
}

// push takes a token and returns what can be shown now.
func (r *restorer) push(tok string) string {
	s := r.pending + tok
	r.pending = ""
	if i := strings.LastIndexByte(s, '<'); i >= 0 && !strings.Contains(s[i:], ">") && len(s)-i <= 24 {
		r.pending = s[i:]
		s = s[:i]
	}
	return r.restore(s)
}

// flush returns whatever is still held back.
func (r *restorer) flush() string {
	s := r.pending
	r.pending = ""
	return r.restore(s)
}
