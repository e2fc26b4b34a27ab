package main

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCommittedDataIsReproducible regenerates the data with the default
// settings and compares it with the committed files.
func TestCommittedDataIsReproducible(t *testing.T) {
	dir := t.TempDir()
	if err := run(20240501, 200, 50, 4000, dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"multilingual.json", "multilingual_holdout.json", "support_corpus.txt"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "redact", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output; run go run ./redact/internal/gen", name)
		}
	}
}

func testGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, seed))} }

// TestIdentifiersFollowTheirRules checks generated identifiers with
// checks written independently of the generator.
func TestIdentifiersFollowTheirRules(t *testing.T) {
	g := testGen(7)
	for range 300 {
		if c := strings.NewReplacer(" ", "", "-", "").Replace(g.card(true)); !luhnOK(c) {
			t.Fatalf("card %s fails Luhn", c)
		}
		if c := strings.NewReplacer(" ", "", "-", "").Replace(g.card(false)); luhnOK(c) {
			t.Fatalf("invalid card %s passes Luhn", c)
		}
		if iban := strings.ReplaceAll(g.iban(true), " ", ""); !mod97OK(iban) {
			t.Fatalf("IBAN %s fails mod 97", iban)
		}
		if iban := strings.ReplaceAll(g.iban(false), " ", ""); mod97OK(iban) {
			t.Fatalf("invalid IBAN %s passes mod 97", iban)
		}
		id := g.cnID(false)
		if sum := cnWeighted(id); "10X98765432"[sum%11] != id[17] {
			t.Fatalf("resident ID %s has a wrong check character", id)
		}
		cpr := strings.ReplaceAll(g.cpr(), "-", "")
		if _, err := time.Parse("020106", cpr[:6]); err != nil {
			t.Fatalf("CPR %s has no valid date", cpr)
		}
		if tw := g.twID(); !twOK(tw) {
			t.Fatalf("Taiwan ID %s fails its check", tw)
		}
	}
}

func luhnOK(d string) bool {
	sum := 0
	for i := range len(d) {
		n := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			if n *= 2; n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

func mod97OK(iban string) bool {
	s := iban[4:] + iban[:4]
	var b strings.Builder
	for _, c := range s {
		if c >= 'A' && c <= 'Z' {
			b.WriteString(big.NewInt(int64(c - 'A' + 10)).String())
		} else {
			b.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(b.String(), 10)
	return new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

func cnWeighted(id string) int {
	sum := 0
	for i := range 17 {
		w := 1
		for range 17 - i {
			w = w * 2 % 11 // weight 2^(17-i) mod 11
		}
		sum += int(id[i]-'0') * w
	}
	return sum
}

func twOK(id string) bool {
	codes := map[byte]int{'A': 10, 'B': 11, 'C': 12, 'D': 13, 'E': 14, 'F': 15, 'G': 16, 'H': 17, 'I': 34, 'J': 18,
		'K': 19, 'L': 20, 'M': 21, 'N': 22, 'O': 35, 'P': 23, 'Q': 24, 'R': 25, 'S': 26, 'T': 27, 'U': 28, 'V': 29,
		'W': 32, 'X': 30, 'Y': 31, 'Z': 33}
	c := codes[id[0]]
	sum := c/10 + c%10*9
	for i := 1; i < 9; i++ {
		sum += int(id[i]-'0') * (9 - i)
	}
	return (sum+int(id[9]-'0'))%10 == 0
}
