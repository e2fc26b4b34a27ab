package redact

import "strings"

// readRun reads the run of digit groups starting at i. Its groups and
// separators live in buffers of the scan, reused for the next run.
func (s *scan) readRun(i int) numberRun {
	t := s.text
	run := numberRun{x: -1, groups: s.runGroups[:0], seps: s.runSeps[:0]}
	if i > 0 && t[i-1] == '+' {
		run.plus = true
	}
	for len(run.groups) < maxGroups {
		j := i
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		run.groups = append(run.groups, span{i, j})
		// Look for a separator of at most three characters, then a digit.
		k := j
		for k < len(t) && k-j < 3 && isSep(t[k]) {
			k++
		}
		if k == j || k >= len(t) || !isDigit(t[k]) || strings.Count(t[j:k], " ") > 2 || t[j:k] == "   " {
			break
		}
		// An opening bracket must close after a few digits, as in
		// "+45 (0) 20" or "(02) 2345": "0000(1.0.0.0" is two things; and
		// a closing one needs its opening one.
		if strings.IndexByte(t[j:k], '(') >= 0 && !closesSoon(t, k) {
			break
		}
		if strings.IndexByte(t[j:k], ')') >= 0 && !opened(t, run) {
			break
		}
		run.seps = append(run.seps, t[j:k])
		i = k
	}
	last := run.groups[len(run.groups)-1].end
	if last < len(t) && (t[last] == 'X' || t[last] == 'x') && (last+1 == len(t) || !isAlnum(t[last+1])) {
		run.x = last + 1
	}
	run.ext = extension(t, last)
	s.runGroups, s.runSeps = run.groups, run.seps
	return run
}

// opened reports whether a bracket opened before or inside the run so far:
// "(02) 2345", "(+86)139".
func opened(t string, run numberRun) bool {
	if start := run.groups[0].start; start > 0 && t[start-1] == '(' || start > 1 && t[start-2:start] == "(+" {
		return true
	}
	for _, sep := range run.seps {
		if strings.IndexByte(sep, '(') >= 0 {
			return true
		}
	}
	return false
}

// closesSoon reports whether the digits at k end in a closing bracket.
func closesSoon(t string, k int) bool {
	for i := k; i < len(t) && i-k < 6; i++ {
		if t[i] == ')' {
			return true
		}
		if !isDigit(t[i]) {
			return false
		}
	}
	return false
}

// extension returns the end of a phone extension written right after a
// number at i (x123, ext. 45, ext 6), or 0.
func extension(t string, i int) int {
	j := i
	switch {
	case j < len(t) && (t[j] == 'x' || t[j] == 'X'):
		j++
	case len(t)-j > 4 && (strings.HasPrefix(t[j:], " ext") || strings.HasPrefix(t[j:], " Ext")):
		j += 4
		if j < len(t) && t[j] == '.' {
			j++
		}
		if j < len(t) && t[j] == ' ' {
			j++
		}
	default:
		return 0
	}
	k := j
	for k < len(t) && k-j < 6 && isDigit(t[k]) {
		k++
	}
	if k == j || (k < len(t) && isAlnum(t[k])) {
		return 0
	}
	return k
}
