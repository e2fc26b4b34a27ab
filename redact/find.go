package redact

import "strings"

// findIn runs the detectors over the scan of a text (normalised as n) and
// returns what Find returns: the findings in a new slice, with offsets into
// the original text.
func (r *Redactor) findIn(s *scan, n normalized) []Finding {
	found := resolveInto(s.resolved[:0], s.text, r.detect(s), r.minScore)
	s.resolved = found[:0]
	if len(found) == 0 {
		return nil
	}
	out := make([]Finding, 0, len(found)) // found is a buffer of the scan
	for _, f := range found {
		if r.allowed(n.text[f.Start:f.End]) {
			continue
		}
		f.Start, f.End = n.origStart(f.Start), n.origEnd(f.End)
		if s.owns(f.canon) {
			f.canon = strings.Clone(f.canon)
		}
		out = append(out, f)
	}
	return out
}

// findsAny reports whether Find would find anything in text, without
// building the findings.
func (r *Redactor) findsAny(text string) bool {
	if text == "" {
		return false
	}
	s, n := scanText(text)
	defer s.release()
	return r.anyIn(s, n)
}

// anyIn is findsAny for a scanned text.
func (r *Redactor) anyIn(s *scan, n normalized) bool {
	found := r.detect(s)
	if len(r.allow) == 0 && len(r.domains) == 0 {
		// resolve keeps at least one of the candidates that score
		// enough: the first of each cluster it orders.
		for _, f := range found {
			if f.Score >= r.minScore && f.End > f.Start {
				return true
			}
		}
		return false
	}
	kept := resolveInto(s.resolved[:0], s.text, found, r.minScore)
	s.resolved = kept[:0]
	for _, f := range kept {
		if !r.allowed(n.text[f.Start:f.End]) {
			return true
		}
	}
	return false
}

// allowed reports whether v is one of the values Options.Allow lists, or
// an e-mail address or a link at one of the domains it allows.
func (r *Redactor) allowed(v string) bool {
	if len(r.allow) > 0 && r.allow[allowKey(v)] {
		return true
	}
	if len(r.domains) == 0 {
		return false
	}
	host := strings.ToLower(v)
	if _, d, ok := strings.Cut(host, "@"); ok {
		host = d
	} else {
		host = strings.TrimPrefix(strings.TrimPrefix(host, "https://"), "http://")
		host, _, _ = strings.Cut(host, "/")
	}
	for _, d := range r.domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// detect runs the detectors over a scan and returns their candidates.
func (r *Redactor) detect(s *scan) []Finding {
	detectRules(s)
	tagZh(s)
	tagLatin(s)
	detectCuedIDs(s)
	detectIntroductions(s)
	detectBareSignatures(s)
	detectCuedNames(s)
	detectUnlistedIntroductions(s)
	detectRoleNames(s)
	detectPossessiveNames(s)
	detectActors(s)
	detectCoordinated(s)
	detectSelfIntroductions(s)
	detectRoleCopulas(s)
	detectRelationNames(s)
	detectContactNames(s)
	extendNames(s)
	joinHyphenated(s)
	detectKoreanNames(s)
	detectKoreanAddresses(s)
	propagateNames(s)
	detectZhVerbCueNames(s)
	detectZhDashSignature(s)
	detectZhCantoneseTitles(s)
	detectZhLatinNames(s)
	detectZhContactNames(s)
	detectZhCoordinated(s)
	s.dropHanTradeNames()
	s.dropHanEverydayNames()
	s.dropParticleNames()
	s.dropGreetedWords()
	s.dropGreetedBusinesses()
	s.dropPossessedBrands()
	s.dropPlaceNames()
	s.dropTradeNames()
	s.dropVersionAddresses()
	s.dropRoleMailboxes()
	detectNamedBirthDates(s)
	return s.found
}

// detectRules runs the rules, the detectors the name tagger reads.
func detectRules(s *scan) {
	numbers := s.has.any(wDigits, wMixed)
	words := s.has&hasCap != 0 || s.caseless
	detectEmails(s)
	detectObfuscatedEmails(s)
	detectURLs(s)
	detectBareProfiles(s)
	if numbers {
		detectIPs(s)
		detectIBANs(s)
		detectNumbers(s)
		detectLetterIDs(s)
		detectBirthDates(s)
		detectROCBirthYears(s)
	}
	if words {
		detectPersons(s)
		detectLocations(s)
	}
	if words || numbers {
		detectAddresses(s)
		detectPostcodeAddresses(s)
	}
	detectZh(s)
}
