package audit

import (
	"bytes"
	"testing"
)

// FuzzUnmarshalRecord checks the reading of stored events, which come
// from a file anyone with access to the disk could have changed: any
// bytes are read without a panic, and bytes read as a record are exactly
// that record written back.
func FuzzUnmarshalRecord(f *testing.F) {
	r := record{version: recordV2, kid: "ck_1", env: []byte(`{"type":"decision"}`), sealed: []byte("sealed")}
	r.prev[0], r.hash[31] = 1, 2
	f.Add(r.marshal())
	r.version = recordV1
	f.Add(r.marshal())
	f.Add((&record{version: recordV2}).marshal())
	f.Add([]byte{recordV1})
	f.Add([]byte{recordV2})
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := unmarshalRecord(b)
		if err != nil {
			return
		}
		if again := got.marshal(); !bytes.Equal(again, b) {
			t.Fatalf("read %x, written back %x", b, again)
		}
	})
}
