package audit

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzReadAnchor checks the reading of anchor files, which come from
// outside the store: any bytes are read without a panic, a refusal is
// always ErrInvalid, and a checkpoint read back written alone reads the
// same.
func FuzzReadAnchor(f *testing.F) {
	line := `{"seq":10,"head":"` + string(bytes.Repeat([]byte("ab"), 32)) + `","time":"2025-03-01T09:00:00Z",` +
		`"public_key":"` + string(bytes.Repeat([]byte("cd"), 32)) + `","signature":"` + string(bytes.Repeat([]byte("ef"), 64)) + `"}`
	f.Add([]byte(line + "\n"))
	f.Add([]byte(line + "\n" + line + "\n"))
	f.Add([]byte("{\n  \"seq\": 3,\n  \"head\": \"00\",\n  \"public_key\": \"01\",\n  \"signature\": \"02\"\n}\n"))
	f.Add([]byte(line + "\n" + `{"seq":11,"head":"ab`))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, b []byte) {
		cp, n, err := ReadAnchor(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ReadAnchor refused %q with %v, not ErrInvalid", b, err)
			}
			return
		}
		if n < 1 {
			t.Fatalf("ReadAnchor read %d checkpoints without an error", n)
		}
		alone := mustJSON(t, cp)
		again, m, err := ReadAnchor(bytes.NewReader(alone))
		if err != nil || m != 1 || !bytes.Equal(mustJSON(t, again), alone) {
			t.Fatalf("%s read back as %+v (%d, %v)", alone, again, m, err)
		}
	})
}
