package redact

import "math/bits"

// wordTable is a read-only hash table from lower-case words to their
// lexicon flags, made for the lookups of the words of every text: open
// addressing in one array whose slots hold the flags and, for the words of
// up to eight bytes (most), the word itself, so that a lookup reads one
// place in memory; a hash of a few instructions. A Go map costs several
// times as much here.
type wordTable struct {
	slots []wordSlot
	shift uint   // 64 minus the number of index bits
	keys  string // the words longer than eight bytes
}

// wordSlot is one entry. meta is 0 for an empty slot; else it holds bits
// of the hash (never all 0) above the length of the word. key is the word
// itself, zero-padded, when it has at most eight bytes, else its offset in
// keys.
type wordSlot struct {
	key   uint64
	flags lexFlags
	meta  uint32
}

// wordKey returns the hash of w and its first eight bytes (zero-padded).
// Words that share their first and last eight bytes and their length hash
// alike, and are told apart by the comparison of the keys.
func wordKey(w string) (h, head uint64) {
	n := len(w)
	if n >= 8 {
		head = load64(w)
		h = head ^ bits.RotateLeft64(load64(w[n-8:]), 31)
	} else {
		for i := 0; i < n; i++ {
			head |= uint64(w[i]) << (8 * i)
		}
		h = head
	}
	h ^= uint64(n) << 58
	h *= 0x9E3779B97F4A7C15
	h ^= h >> 29
	return h * 0xBF58476D1CE4E5B9, head
}

// load64 reads the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// metaOf returns the meta of a word of n bytes with hash h; never 0.
func metaOf(h uint64, n int) uint32 { return (uint32(h)|1)<<8 | uint32(n) }

func newWordTable(m map[string]lexFlags) *wordTable {
	bits := uint(4)
	for 1<<bits < 3*len(m)/2 {
		bits++
	}
	t := &wordTable{slots: make([]wordSlot, 1<<bits), shift: 64 - bits}
	var keys []byte
	mask := uint64(len(t.slots) - 1)
	for w, f := range m {
		if len(w) > 255 {
			panic("redact: word too long for the word table") // fixed lists: cannot happen
		}
		h, head := wordKey(w)
		i := h >> t.shift
		for t.slots[i].meta != 0 {
			i = (i + 1) & mask
		}
		if len(w) > 8 {
			head = uint64(len(keys))
			keys = append(keys, w...)
		}
		t.slots[i] = wordSlot{key: head, flags: f, meta: metaOf(h, len(w))}
	}
	t.keys = string(keys)
	return t
}

// get returns the flags of w, or 0 when it is not in the table.
func (t *wordTable) get(w string) lexFlags {
	h, head := wordKey(w)
	meta := metaOf(h, len(w))
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		switch {
		case sl.meta == 0:
			return 0
		case sl.meta != meta:
		case len(w) <= 8:
			if sl.key == head {
				return sl.flags
			}
		case t.keys[sl.key:sl.key+uint64(len(w))] == w:
			return sl.flags
		}
	}
}
