package pgstore

import (
	"errors"
	"io"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestCommitErrorsAreSettledRightly: only an error of the transaction
// itself says a commit did not happen; the end of the session, or no
// answer at all, must be looked up.
func TestCommitErrorsAreSettledRightly(t *testing.T) {
	for _, c := range []struct {
		name               string
		err                error
		refused, transient bool
	}{
		{"unique violation", &pgconn.PgError{Severity: "ERROR", Code: "23505"}, true, false},
		{"serialization failure", &pgconn.PgError{Severity: "ERROR", Code: "40001"}, true, true},
		{"terminated by an administrator", &pgconn.PgError{Severity: "FATAL", Code: "57P01"}, false, true},
		{"server crashed", &pgconn.PgError{Severity: "FATAL", Code: "57P02"}, false, true},
		{"connection failure", &pgconn.PgError{Severity: "ERROR", Code: "08006"}, false, true},
		{"connection closed, no answer", io.ErrUnexpectedEOF, false, true},
		{"wrapped", errors.Join(errors.New("commit"), &pgconn.PgError{Severity: "FATAL", Code: "57P01"}), false, true},
	} {
		if got := refused(c.err); got != c.refused {
			t.Errorf("%s: refused %v, want %v", c.name, got, c.refused)
		}
		if got := transient(c.err); got != c.transient {
			t.Errorf("%s: transient %v, want %v", c.name, got, c.transient)
		}
	}
}
