package redact

import (
	"strings"
	"unsafe"
)

// numberRun is a candidate number: digit groups joined by short separators,
// as people write phone numbers, card numbers and identifiers.
type numberRun struct {
	plus   bool   // written with a leading +
	groups []span // digit groups, offsets into the scanned text
	seps   []string
	x      int // offset just after a trailing check character X, or -1
	ext    int // offset just after a phone extension (x123, ext. 12), or 0
}

type span struct{ start, end int }

const maxGroups = 12

// isSep reports whether c may separate the digit groups of one number.
func isSep(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' }

// detectNumbers finds numeric personal data: payment cards, national
// identifiers and phone numbers. Each candidate run is tried whole and then
// as shorter runs of its groups, longest first.
func detectNumbers(s *scan) {
	t := s.text
	for i := 0; i < len(t); {
		if t[i]-'0' > 9 || i > 0 && alnum[t[i-1]] {
			i++
			continue
		}
		run := s.readRun(i)
		last := run.groups[len(run.groups)-1]
		// A number glued to letters (LH123456789DK, 3kg) is a code or
		// a quantity, not one of ours; the check-character X is the one
		// exception. The groups before it are read on their own.
		if run.x < 0 && run.ext == 0 && last.end < len(t) && isAlpha(t[last.end]) {
			if n := len(run.groups); n > 1 {
				run.groups, run.seps = run.groups[:n-1], run.seps[:n-2]
				matchRun(s, run)
			}
			i = last.end + 1
			continue
		}
		matchRun(s, run)
		if run.x >= 0 {
			i = run.x
		} else {
			i = last.end
		}
	}
}

// matchRun tries every sub-run of groups, longest first from the left, and
// records the first validator that accepts each.
func matchRun(s *scan, run numberRun) {
	n := len(run.groups)
	for a := 0; a < n; {
		matched := false
		for b := n - 1; b >= a && !matched; b-- {
			if (a > 0 || b < n-1) && !run.splittable(a, b) {
				continue
			}
			c := s.candidate(run, a, b)
			if len(c.digits) < 6 {
				continue
			}
			s.company = false
			if f, ok := s.validateNumber(c); ok || s.company {
				if ok {
					s.found = append(s.found, f)
				}
				// A company's number is no one's, and none of its
				// parts is a number of its own either.
				matched = true
				a = b + 1
			}
		}
		if !matched {
			a++
		}
	}
}

// splittable reports whether groups a..b may be read as a number of their
// own: the run must break there at a space, and must not be written in the
// even blocks of four that cards, IBANs and account numbers use.
func (run numberRun) splittable(a, b int) bool {
	blocks := len(run.groups) >= 3
	for i, g := range run.groups[:len(run.groups)-1] {
		if g.end-g.start != 4 || run.seps[i] != " " {
			blocks = false
		}
	}
	if blocks {
		return false
	}
	if a > 0 && run.seps[a-1] != " " {
		return false
	}
	return b == len(run.groups)-1 || run.seps[b] == " "
}

// numCandidate is one sub-run of a numberRun, ready for the validators.
type numCandidate struct {
	start, end int
	digits     string
	groups     []int    // lengths of the digit groups (a buffer of the scan)
	seps       []string // the separators between them
	plus       bool
	checkX     bool
	ext        int // end of a phone extension after the number, or 0
}

func (s *scan) candidate(run numberRun, a, b int) numCandidate {
	t := s.text
	c := numCandidate{start: run.groups[a].start, end: run.groups[b].end, groups: s.candGroups[:0], seps: run.seps[a:b]}
	for g := a; g <= b; g++ {
		c.groups = append(c.groups, run.groups[g].end-run.groups[g].start)
	}
	s.candGroups = c.groups
	if a == b {
		c.digits = t[run.groups[a].start:run.groups[a].end]
	} else {
		// The digits go in a buffer of the scan, the next candidate's
		// too: validateNumber copies them when they become a canonical
		// value.
		d := s.digitBuf[:0]
		for g := a; g <= b; g++ {
			d = append(d, t[run.groups[g].start:run.groups[g].end]...)
		}
		s.digitBuf = d
		c.digits = unsafe.String(unsafe.SliceData(d), len(d))
	}
	if a == 0 && run.plus {
		c.plus = true
		c.start--
	}
	if b == len(run.groups)-1 && run.x >= 0 {
		c.checkX = true
		c.end = run.x
	}
	if b == len(run.groups)-1 {
		c.ext = run.ext
	}
	if a == 0 && c.start > 0 && t[c.start-1] == '(' {
		c.start--
	}
	return c
}

func (c numCandidate) grouped(lengths ...int) bool {
	if len(c.groups) != len(lengths) {
		return false
	}
	for i, l := range lengths {
		if c.groups[i] != l {
			return false
		}
	}
	return true
}

func (c numCandidate) sepsOnly(chars string) bool {
	for _, sep := range c.seps {
		for i := 0; i < len(sep); i++ {
			if strings.IndexByte(chars, sep[i]) < 0 {
				return false
			}
		}
	}
	return true
}

// validateNumber returns the best reading of a candidate.
func (s *scan) validateNumber(c numCandidate) (Finding, bool) {
	t := s.text
	ctx := s.contextBefore(c.start)
	var best Finding
	try := func(typ Type, score float64, canon string) {
		if score > best.Score {
			best = Finding{Type: typ, Start: c.start, End: c.end, Score: score, canon: canon}
		}
	}
	if c.checkX {
		if score, ok := cnResidentID(c, ctx); ok {
			try(CNResidentID, score, c.digits+"X")
		}
		return best, best.Score > 0
	}
	if score, ok := cnResidentID(c, ctx); ok {
		try(CNResidentID, score, c.digits)
	}
	if score, ok := paymentCard(c, ctx); ok {
		try(CreditCard, score, c.digits)
	}
	if score, ok := myNRIC(c, ctx); ok {
		try(MYNRIC, score, c.digits)
	}
	if score, ok := dkCPR(c, ctx); ok {
		try(DKCPR, score, c.digits)
	}
	if score, ok := usSSN(c, ctx); ok {
		try(USSSN, score, c.digits)
	}
	if best.Score < 0.9 {
		end := max(c.end, c.ext)
		after := s.lower[end:min(len(t), end+16)]
		if score, canon, ok := phoneNumber(s, c, after); ok {
			try(Phone, score, canon)
			if best.Type == Phone && c.ext > 0 {
				best.End = c.ext
			}
		}
	}
	if best.Score <= 0 {
		return best, false
	}
	if inBuffer(best.canon, s.digitBuf) {
		best.canon = strings.Clone(best.canon)
	}
	return best, true
}
