package lang

import (
	"bufio"
	"bytes"
	"embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// The conversion tables between the two Chinese scripts are OpenCC's
// (Open Chinese Convert, Apache-2.0; see NOTICE): phrases first, then
// characters, each line a key, a tab and the candidates separated by
// spaces, of which the first is used.
//
//go:embed opencc/*.txt
var openccFiles embed.FS

// window is how many characters a conversion looks ahead for the longest
// phrase, as OpenCC's Go port does.
const window = 10

// dict maps a phrase or character to its first candidate.
type dict map[string]string

func loadDict(name string) dict {
	b, err := openccFiles.ReadFile("opencc/" + name)
	if err != nil {
		panic("lang: " + err.Error()) // embedded: always there
	}
	d := dict{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		key, cands, ok := strings.Cut(sc.Text(), "\t")
		if !ok || key == "" {
			continue
		}
		first, _, _ := strings.Cut(cands, " ")
		d[key] = first
	}
	return d
}

// converter replaces, at each position, the longest key of the first
// table that has one starting there (up to window characters), else
// leaves the character as it is.
type converter []dict

func (c converter) convert(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		// The end of each of the next window characters.
		var ends [window]int
		n, j := 0, i
		for n < window && j < len(s) {
			_, size := utf8.DecodeRuneInString(s[j:])
			j += size
			ends[n] = j
			n++
		}
		matched := false
		for _, d := range c {
			for k := n - 1; k >= 0; k-- {
				if v, ok := d[s[i:ends[k]]]; ok {
					b.WriteString(v)
					i, matched = ends[k], true
					break
				}
			}
			if matched {
				break
			}
		}
		if !matched {
			b.WriteString(s[i:ends[0]])
			i = ends[0]
		}
	}
	return b.String()
}

var (
	toSimplified  = sync.OnceValue(func() converter { return converter{loadDict("TSPhrases.txt"), loadDict("TSCharacters.txt")} })
	toTraditional = sync.OnceValue(func() converter { return converter{loadDict("STCharacters.txt")} })
)
