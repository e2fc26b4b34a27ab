package ner

// Hash builds feature hashes without allocating: start with New(kind),
// where kind names the feature template, then add the feature's value.
// Equal templates and values give equal hashes on every platform.
type Hash uint32

// New starts the hash of a feature of template kind.
func New(kind uint32) Hash { return Hash(mix(kind*0x9E3779B1 + 0x7F4A7C15)) }

// Str adds a string to the hash.
func (h Hash) Str(s string) Hash {
	x := uint32(h)
	for i := 0; i < len(s); i++ {
		x = (x ^ uint32(s[i])) * 0x01000193
	}
	return Hash(mix(x ^ uint32(len(s))))
}

// Int adds a small number to the hash.
func (h Hash) Int(v uint32) Hash { return Hash(mix(uint32(h) ^ (v+1)*0x85EBCA6B)) }

// Sum returns the feature hash.
func (h Hash) Sum() uint32 { return uint32(h) }

// mix is the finaliser of MurmurHash3.
func mix(x uint32) uint32 {
	x ^= x >> 16
	x *= 0x85EBCA6B
	x ^= x >> 13
	x *= 0xC2B2AE35
	x ^= x >> 16
	return x
}
