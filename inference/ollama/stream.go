package ollama

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/ollama/ollama/api"
)

// The official client's Chat (github.com/ollama/ollama/api) reads every
// streamed reply with a bufio.Scanner over a fresh 8 MB buffer
// (maxBufferSize in api/client.go): one allocation of 8 MB per answer,
// which under load made much of the server's garbage and of its time in
// the collector. chatStream does what Client.Chat does, with the same
// request and response types from the official package, but reads the
// NDJSON stream through readers taken from a pool, growing a line buffer
// only for the rare line longer than the reader.

// maxLine is the longest line of a stream accepted, as the official
// client's limit.
const maxLine = 8 << 20

// readerSize is the pooled reader's buffer: every streamed chunk of an
// answer fits it many times over.
const readerSize = 32 << 10

var (
	readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, readerSize) }}
	bodies  = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// chatLine is one line of Ollama's chat stream: a response, or an error
// the server reports mid-stream.
//
// Its message is read into a wireMessage, which shadows the response's
// own, for speed: api.Message's UnmarshalJSON decodes the message a
// second time (checking and reflecting over it again) only to lower-case
// its role, which response does after one pass. Every line of a stream
// has a message, so that was a good share of reading a reply.
type chatLine struct {
	api.ChatResponse
	Message wireMessage `json:"message"`
	Error   string      `json:"error,omitempty"`
}

// wireMessage has api.Message's fields, and not its UnmarshalJSON.
type wireMessage api.Message

// response is the line's response, its message as api.Message's
// UnmarshalJSON leaves it.
func (l *chatLine) response() api.ChatResponse {
	r := l.ChatResponse
	r.Message = api.Message(l.Message)
	r.Message.Role = strings.ToLower(r.Message.Role)
	return r
}

// chatStream posts req to Ollama's /api/chat and calls fn with each
// response of the stream, as api.Client.Chat does. A refusal (4xx, 5xx)
// is an api.StatusError, as the official client returns it.
func chatStream(ctx context.Context, client *http.Client, base *url.URL, req *api.ChatRequest, fn func(api.ChatResponse) error) error {
	body := bodies.Get().(*bytes.Buffer)
	body.Reset()
	defer bodies.Put(body)
	if err := json.NewEncoder(body).Encode(req); err != nil {
		return fmt.Errorf("encode chat request: %w", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, base.JoinPath("/api/chat").String(), bytes.NewReader(body.Bytes()))
	if err != nil {
		return err
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("Accept", "application/x-ndjson")
	resp, err := client.Do(hreq)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= http.StatusBadRequest {
		var e struct {
			Error string `json:"error"`
		}
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		if json.Unmarshal(raw, &e) != nil || e.Error == "" {
			e.Error = string(raw)
		}
		return api.StatusError{StatusCode: resp.StatusCode, Status: resp.Status, ErrorMessage: e.Error}
	}

	r := readers.Get().(*bufio.Reader)
	r.Reset(resp.Body)
	defer func() {
		r.Reset(nil) // keep no body alive in the pool
		readers.Put(r)
	}()
	var long []byte // a line longer than the reader's buffer, pieced together
	for {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if len(long)+len(line) > maxLine {
				return fmt.Errorf("ollama chat: a line of the stream is over %d bytes", maxLine)
			}
			long = append(long, line...)
			continue
		}
		if long != nil {
			line = append(long, line...)
			long = nil
		}
		if len(bytes.TrimSpace(line)) > 0 {
			var l chatLine
			if uerr := json.Unmarshal(line, &l); uerr != nil {
				return fmt.Errorf("ollama chat: a line of the stream is not JSON: %w", uerr)
			}
			if l.Error != "" {
				return errors.New(l.Error)
			}
			if ferr := fn(l.response()); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			// The stream ended, finished or cut short; the caller tells
			// which from whether the last response said done.
			return nil
		}
		if err != nil {
			return err
		}
	}
}
