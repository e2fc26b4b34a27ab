package search

import (
	"context"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// Several replicas share one knowledge base through a Library: the
// documents as ingested (scrubbed, cut into passages), their passages'
// vectors and the vocabulary files in use, with a feed of changes. Each
// replica keeps its own index, built from the library and following it:
// an ingest, a removal or a re-index on one replica is written to the
// library first, and every index, that replica's own included, applies
// it from the feed. Without a library (Options.Library nil, the default)
// the index keeps the documents itself, as it always has.

// DocumentSink takes the knowledge base's changes.
type DocumentSink interface {
	// Commit writes a change as one unit and returns the cursor just
	// after it (the position before it when it changed nothing).
	Commit(ctx context.Context, c Change) (Cursor, error)
}

// DocumentSource is the knowledge base as a feed of changes.
type DocumentSource interface {
	// Read calls fn, in order, with what changed after from: the
	// vocabulary first when it changed, then each document changed, as
	// it is now (a document changed twice comes once). When from is not
	// a position of this library (another library's, one it has
	// forgotten, or one ahead of it, as after a restore), Read starts
	// with an Update whose Reset is set and then gives every document.
	// It returns the position it read up to.
	Read(ctx context.Context, from Cursor, fn func(Update) error) (Cursor, error)
	// Changed receives a value when Read may find something new: after a
	// change was announced, and after a lost announcement channel was
	// opened again (announcements may have been missed meanwhile).
	Changed() <-chan struct{}
}

// Library is a DocumentSource and a DocumentSink. The index that is
// given one closes it.
type Library interface {
	DocumentSource
	DocumentSink
	Close() error
}

// Cursor is a position in a library's feed.
type Cursor struct {
	// Library identifies the library (a database's knowledge base).
	Library string `json:"library"`
	// Seq is the sequence number of the last change read.
	Seq uint64 `json:"seq"`
}

// Change is what one Commit writes. Every field is optional.
type Change struct {
	// Put adds or replaces documents as ingested.
	Put []kb.Prepared
	// Remove deletes documents by id.
	Remove []string
	// Vectors are passages' embeddings; a vector for a passage the
	// library no longer holds at that version is dropped.
	Vectors []PassageVector
	// Vocabulary, when not nil, replaces the vocabulary files in use
	// (name to content; the engine's own file is not among them). With
	// VocabularyIfNone it is written only when none is yet.
	Vocabulary       map[string][]byte
	VocabularyIfNone bool
	// Reindex asks every index to analyse its passages again.
	Reindex bool
}

// PassageVector is one passage's embedding by one model.
type PassageVector struct {
	// ID is the passage's id (kb.PassageID).
	ID string
	// Version is the version of the document the passage was read from.
	Version string
	Model   string
	Vector  []float32
}

// Update is one step of Read.
type Update struct {
	// Reset says that what follows is the whole knowledge base: a
	// document the index holds that does not follow is gone.
	Reset bool
	// Vocabulary, when not nil, is the vocabulary now in use; Reindex
	// says that a re-index was asked for since the cursor.
	Vocabulary map[string][]byte
	Reindex    bool
	// DocID names a document that changed; Doc is what it is now, nil
	// when it is gone.
	DocID string
	Doc   *LibraryDocument
}

// LibraryDocument is a document as a library keeps it.
type LibraryDocument struct {
	kb.Prepared
	// Vectors are its passages' embeddings, by whichever models made
	// them.
	Vectors []PassageVector
}

// ErrCatchingUp means the index has not yet read everything its library
// held when it was opened.
var ErrCatchingUp = fault.New(fault.Unavailable, "the knowledge base is catching up with the shared store")
