package redact

// Entry is one value of a conversation's placeholder mapping, as it is
// kept between messages: encrypted with the conversation's other content,
// and erased with it. It holds the customer's value in clear, so it must
// never be stored or logged otherwise.
type Entry struct {
	Label string `json:"label"`
	Type  Type   `json:"type"`
	// Canon is the value's canonical form (digits only, lower case ...),
	// under which an equal value gets the same placeholder.
	Canon string `json:"canon"`
	Value string `json:"value"`
}

// Entries returns the mapping's values from the n-th on (0: all), in the
// order they were first seen: what a message added to the mapping.
func (p *Placeholders) Entries(from int) []Entry {
	p.mu.Lock()
	defer p.mu.Unlock()
	if from >= len(p.entries) {
		return nil
	}
	out := make([]Entry, 0, len(p.entries)-from)
	for _, e := range p.entries[from:] {
		out = append(out, Entry{Label: e.label, Type: e.key.t, Canon: e.key.canon, Value: e.value})
	}
	return out
}

// Add puts entries back into a mapping, as they were kept: a value
// already mapped keeps its placeholder, a label already used is not
// taken again.
func (p *Placeholders) Add(entries ...Entry) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, e := range entries {
		key := placeholderKey{e.Type, e.Canon}
		taken := false
		for _, x := range p.entries {
			if x.key == key || x.label == e.Label {
				taken = true
				break
			}
		}
		if taken || e.Label == "" {
			continue
		}
		p.entries = append(p.entries, placeholder{key: key, label: e.Label, value: e.Value})
	}
	if len(p.entries) > indexAbove {
		p.byKey = make(map[placeholderKey]int, 2*len(p.entries))
		p.byLabel = make(map[string]int, 2*len(p.entries))
		for i, e := range p.entries {
			p.byKey[e.key] = i
			p.byLabel[e.label] = i
		}
	}
}
