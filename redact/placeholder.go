package redact

import (
	"strconv"
	"strings"
	"sync"
)

// Placeholders numbers the values redacted within one conversation, so that
// the same value always gets the same placeholder (<EMAIL_1>), and remembers
// the values so the live reply can show customers their own data again.
//
// The mapping lives only in memory; it must never be stored or logged.
type Placeholders struct {
	mu     sync.Mutex
	byKey  map[string]string // type + canonical value -> placeholder
	values map[string]string // placeholder -> original value as written
	next   map[Type]int
}

// NewPlaceholders returns an empty mapping.
func NewPlaceholders() *Placeholders {
	return &Placeholders{
		byKey:  make(map[string]string),
		values: make(map[string]string),
		next:   make(map[Type]int),
	}
}

func (p *Placeholders) label(t Type, canon, value string) string {
	if canon == "" {
		canon = value
	}
	key := string(t) + "\x00" + canon
	p.mu.Lock()
	defer p.mu.Unlock()
	if l, ok := p.byKey[key]; ok {
		return l
	}
	p.next[t]++
	l := "<" + string(t) + "_" + strconv.Itoa(p.next[t]) + ">"
	p.byKey[key] = l
	p.values[l] = value
	return l
}

// Restore puts the original values back in place of this conversation's
// placeholders. Placeholders it does not know are left as they are.
func (p *Placeholders) Restore(text string) string {
	if p == nil || !strings.Contains(text, "<") {
		return text
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.values) == 0 {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '>')
		if j < 0 {
			break
		}
		if v, ok := p.values[text[i:i+j+1]]; ok {
			b.WriteString(text[:i])
			b.WriteString(v)
		} else {
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		text = text[i+j+1:]
	}
	b.WriteString(text)
	return b.String()
}

// Len reports how many distinct values the mapping holds.
func (p *Placeholders) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.values)
}

// RemovePlaceholders replaces every <TYPE_n> placeholder in text with a
// space: for search, where a placeholder is no evidence of a topic.
func RemovePlaceholders(text string) string {
	if !strings.Contains(text, "<") {
		return text
	}
	return stripPlaceholders(text)
}
